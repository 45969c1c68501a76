import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { random } from '@/scripts/seed/catalogData';
import { freePort, waitFor } from '@/scripts/stack/processes';
import { adminDatabases } from '../support/adminDatabases';
import { loggedInBeforeAll } from '../support/logins';
import { ProjectorProcess } from '../support/projector';
import { expectConverged } from '../support/readModels';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { writeDb, readDb } = adminDatabases(env, { write: 4, read: 2 });
const { admin } = loggedInBeforeAll(webUrl, ['admin']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Short, so a stalled process is replaced within a few seconds here. */
const LEASE_MS = 1000;

interface Member {
  process: ProjectorProcess;
  port: number;
}
const members: Member[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    members.push({ port, process: new ProjectorProcess({ ...env, PROJECTOR_LEASE_MS: String(LEASE_MS), PROJECTOR_METRICS_PORT: String(port) }) });
  }
  for (const m of members) m.process.start();
});

afterAll(async () => {
  for (const m of members) {
    m.process.signal('SIGCONT');
    await m.process.stop();
  }
});

/** 0 when it does not answer in time (a stopped process accepts the connection and never answers). */
async function probe(m: Member, path: '/healthz' | '/readyz'): Promise<number> {
  return fetch(`http://127.0.0.1:${m.port}${path}`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status, () => 0);
}

/** The member that streams, once exactly one says so (status row and readiness agree). */
async function activeMember(timeoutMs = 30_000): Promise<Member> {
  let found: Member | undefined;
  await waitFor('exactly one active projector', async () => {
    const rows = await readDb<{ pid: number }[]>`
      select pid from projector_instances where role = 'active' and heartbeat_at > now() - interval '3 seconds'`;
    const active = members.filter((m) => m.process.running && rows.some((r) => r.pid === m.process.pid));
    if (active.length !== 1) return false;
    found = active[0];
    return (await probe(found!, '/readyz')) === 200;
  }, timeoutMs, 25);
  return found!;
}

/** Commands and raw SQL against one catalog while the test does its worst to the projectors. */
function writeBurst(tag: string, count: number) {
  const rnd = random(count);
  const state = { done: false, ids: [] as string[] };
  const run = (async () => {
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: `${tag}${Date.now() % 100000}`, name: `${tag} depot` });
    const customer = await admin.customers.register.mutate({ email: `${tag.toLowerCase()}-${Date.now()}@example.com`, name: `${tag} customer` });
    for (let i = 0; i < count; i++) {
      const p = await admin.catalog.createProduct.mutate({ sku: `${tag}-${i}`, name: `${tag} item ${i}`, priceCents: 100 + i, currency: 'EUR' });
      state.ids.push(p.id);
      await admin.inventory.adjustStock.mutate({ productId: p.id, warehouseId: warehouse.id, delta: 10, reason: 'failover test' });
      const pick = () => state.ids[Math.floor(rnd() * state.ids.length)]!;
      if (i % 3 === 1) await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: pick(), quantity: 1 }] }).catch(() => undefined);
      if (i % 4 === 2) await writeDb`update products set price_cents = price_cents + 1, version = version + 1, updated_at = now() where id = ${pick()}`;
      if (i % 9 === 4) await writeDb`update stock_levels set quantity = quantity + 1, version = version + 1 where product_id = ${pick()}`;
    }
    state.done = true;
  })();
  return { state, run };
}

describe('projector high availability', () => {
  it('streams from one process while the other stands by, live but not ready', async () => {
    const active = await activeMember();
    const standby = members.find((m) => m !== active)!;
    await waitFor('the standby to report', async () => {
      const status = await admin.system.status.query();
      return status.instances.some((i) => i.pid === standby.process.pid && i.role === 'standby' && i.alive);
    }, 10_000, 100);
    const status = await admin.system.status.query();
    const mine = status.instances.filter((i) => members.some((m) => m.process.pid === i.pid));
    expect(mine.map((i) => i.role).sort()).toEqual(['active', 'standby']);
    expect(mine.find((i) => i.role === 'active')).toMatchObject({ pid: active.process.pid, alive: true });
    expect(mine.find((i) => i.role === 'active')!.activeSince).not.toBeNull();
    expect(await probe(active, '/healthz')).toBe(200);
    expect(await probe(standby, '/healthz')).toBe(200);
    expect(await probe(standby, '/readyz')).toBe(503);
    // The active process reports its state and its slot every couple of seconds.
    await waitFor('the active process to report streaming', async () => (await admin.system.status.query()).process?.streaming === true, 10_000, 100);
  });

  it('hands over to the standby each time the active one is SIGKILLed during a burst, losing and doubling nothing', async () => {
    const burst = writeBurst('HA', 120);
    const takeovers: number[] = [];
    for (let round = 0; round < 4; round++) {
      const active = await activeMember();
      await sleep(200 + round * 150);
      await active.process.kill();
      const killedAt = performance.now();
      const next = await activeMember();
      takeovers.push(Math.round(performance.now() - killedAt));
      expect(next).not.toBe(active);
      // The killed one comes back, as the standby.
      active.process.start();
    }
    await burst.run;
    // Takeover times for the record (never asserted: wall-clock time is the machine's).
    process.stdout.write(`projector takeovers after SIGKILL (ms): ${takeovers.join(', ')}\n`);
    const models = await expectConverged(env, (await activeMember()).process, 90_000);
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('HA-'))).toHaveLength(120);
  });

  it('replaces an active process that stalls; woken up, the stalled one writes nothing and stands by', async () => {
    const stalled = await activeMember();
    const burst = writeBurst('STALL', 60);
    await sleep(300);
    stalled.process.signal('SIGSTOP');
    const stoppedAt = performance.now();
    const next = await activeMember(30_000);
    const takeoverMs = Math.round(performance.now() - stoppedAt);
    expect(next).not.toBe(stalled);
    await burst.run;
    // Woken up, it finds its lock session ended and its lease run out: it stands by instead of writing.
    stalled.process.signal('SIGCONT');
    await waitFor('the woken process to stand by', async () => {
      const [row] = await readDb<{ role: string }[]>`select role from projector_instances where pid = ${stalled.process.pid!}`;
      return row?.role === 'standby' && (await probe(stalled, '/readyz')) === 503;
    }, 20_000, 100);
    expect(stalled.process.running).toBe(true);
    expect(stalled.process.output.join('')).toMatch(/no longer the active projector/);
    process.stdout.write(`projector takeover after SIGSTOP (lease ${LEASE_MS} ms): ${takeoverMs} ms\n`);
    const models = await expectConverged(env, next.process, 90_000);
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('STALL-'))).toHaveLength(60);
    expect(await activeMember()).toBe(next);
  });
});

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteDb } from '@/db/clients';
import { SQL_PROJECTIONS } from '@/db/read/projections';
import { random } from '@/scripts/seed/catalogData';
import { seedStaff } from '@/scripts/seed/seedDemoData';
import { startLocalStack, type LocalStack } from '@/scripts/stack/localStack';
import { startMeilisearch, type MeiliServer } from '@/scripts/stack/meilisearch';
import { startPostgres, type PostgresCluster } from '@/scripts/stack/postgres';
import { waitFor } from '@/scripts/stack/processes';
import { loadOrCreateSecrets } from '@/scripts/stack/secrets';
import { adjustStock } from '@/server/commands/adjustStock';
import { adjustStockInput } from '@/server/commands/adjustStock.input';
import { cancelOrder } from '@/server/commands/cancelOrder';
import { createCategory } from '@/server/commands/createCategory';
import { createProduct } from '@/server/commands/createProduct';
import { createProductInput } from '@/server/commands/createProduct.input';
import { createWarehouse } from '@/server/commands/createWarehouse';
import { payOrder } from '@/server/commands/payOrder';
import { placeOrder } from '@/server/commands/placeOrder';
import { placeOrderInput } from '@/server/commands/placeOrder.input';
import { registerCustomer } from '@/server/commands/registerCustomer';
import type { Actor, CommandDeps } from '@/server/commands/runCommand';
import { DomainError } from '@/server/domain/errors';
import { ProjectorProcess, waitForCheckpoints } from '../support/projector';
import { compareWithWriteModel } from '../support/readModels';
import { freePort } from '../support/testStack';

/**
 * Faults below the projector: its own stack (the shared one's Meilisearch and Postgres
 * cannot be stopped under the other files), written to through the command handlers.
 */
const CONVERGE_MS = 120_000;
const OBSERVE_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dataDir: string;
let stack: LocalStack;
let pg: PostgresCluster;
let meili: MeiliServer;
let env: LocalStack['env'] & { MEILI_INDEX: string; PROJECTOR_METRICS_PORT: string };
let writeDb: postgres.Sql;
let readDb: postgres.Sql;
let commands: ReturnType<typeof createWriteDb>;
let projector: ProjectorProcess;
let workload: Workload;

/** A mix of commands that touches every read model and the search index. */
class Workload {
  private readonly products: string[] = [];
  private readonly orders: { id: string; version: number }[] = [];
  private readonly rnd = random(11);

  constructor(
    private readonly deps: CommandDeps,
    private readonly actor: Actor,
    private readonly place: { categoryId: string; warehouseId: string; customerIds: string[] },
  ) {}

  /** Steps named `<prefix>-<n>` while `more(n)` says so; resolves to the number of steps. */
  async run(prefix: string, more: (done: number) => boolean): Promise<number> {
    let done = 0;
    while (more(done)) await this.step(prefix, done++);
    return done;
  }

  private async step(prefix: string, i: number): Promise<void> {
    const product = await createProduct(this.deps, this.actor, createProductInput.parse({
      sku: `${prefix}-${i}`,
      name: `${prefix} fault item ${i}`,
      priceCents: 1000 + i,
      currency: 'EUR',
      categoryId: this.place.categoryId,
      tags: [`t${i % 5}`, prefix.toLowerCase()],
    }));
    this.products.push(product.id);
    await adjustStock(this.deps, this.actor, adjustStockInput.parse({ productId: product.id, warehouseId: this.place.warehouseId, delta: 20, reason: 'fault test' }));
    if (i % 3 === 1) await this.placeOrder(i);
    if (i % 5 === 2) await this.settleOrder();
    if (i % 7 === 3) await writeDb`update products set price_cents = price_cents + 1, version = version + 1, updated_at = now() where id = ${this.pick()}`;
    if (i % 11 === 5) await writeDb`delete from product_tags where product_id = ${this.pick()}`;
  }

  private async placeOrder(i: number): Promise<void> {
    const lines = [...new Set([this.pick(), this.pick()])].map((productId) => ({ productId, quantity: 1 + Math.floor(this.rnd() * 2) }));
    const customerId = this.place.customerIds[i % this.place.customerIds.length]!;
    const placed = await placeOrder(this.deps, this.actor, placeOrderInput.parse({ customerId, lines })).catch(refusedOnly);
    if (placed) this.orders.push({ id: placed.id, version: placed.version });
  }

  private async settleOrder(): Promise<void> {
    const order = this.orders.splice(Math.floor(this.rnd() * this.orders.length), 1)[0];
    if (!order) return;
    const settle = this.rnd() < 0.5 ? payOrder : cancelOrder;
    await settle(this.deps, this.actor, { id: order.id, expectedVersion: order.version });
  }

  private pick(): string {
    return this.products[Math.floor(this.rnd() * this.products.length)]!;
  }
}

/** Out of stock is a fair answer in a random burst; anything else is not. */
function refusedOnly(error: unknown): undefined {
  if (error instanceof DomainError) return undefined;
  throw error;
}

const currentPosition = async () => (await writeDb<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`)[0]!.lsn;
const projectorTail = () => `\nprojector output:\n${projector.output.slice(-20).join('')}`;

async function expectConverged() {
  await waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, await currentPosition(), CONVERGE_MS).catch((error: unknown) => {
    throw new Error(`${String(error)}${projectorTail()}`);
  });
  const models = await compareWithWriteModel(env);
  for (const [name, model] of Object.entries(models.sql)) {
    const context = `${name}: ${await differences(model)}`;
    expect(model.actual.length, `${context} row count`).toBe(model.expected.length);
    expect(model.actual, context).toEqual(model.expected);
  }
  expect(models.search.actual, await differences(models.search)).toEqual(models.search.expected);
  return models;
}

/** For a failure message: a few rows on each side that the other lacks, and the dead letters. */
async function differences(model: { expected: object[]; actual: object[] }): Promise<string> {
  const text = (row: object) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
  const actual = new Set(model.actual.map(text));
  const expected = new Set(model.expected.map(text));
  const letters = await readDb`select projection, key, lsn::text, status, error from dead_letters`;
  return JSON.stringify({
    missing: model.expected.map(text).filter((row) => !actual.has(row)).slice(0, 5),
    unexpected: model.actual.map(text).filter((row) => !expected.has(row)).slice(0, 5),
    deadLetters: letters,
  });
}

async function waitForSqlCheckpoints(position: string): Promise<void> {
  await waitFor(`the SQL read models to reach ${position}`, async () => {
    const rows = await readDb<{ projection: string }[]>`select projection from projection_checkpoints where lsn >= ${position}::pg_lsn`;
    return SQL_PROJECTIONS.every((p) => rows.some((r) => r.projection === p));
  }, CONVERGE_MS, 50).catch((error: unknown) => {
    throw new Error(`${String(error)}${projectorTail()}`);
  });
}

async function searchCheckpoint(than: string): Promise<{ lsn: string; past: boolean }> {
  const [row] = await readDb<{ lsn: string; past: boolean }[]>`
    select lsn::text as lsn, lsn > ${than}::pg_lsn as past from projection_checkpoints where projection = 'product_search'`;
  return row!;
}

async function killMeilisearch(): Promise<void> {
  const exited = new Promise((r) => meili.process.once('exit', r));
  meili.process.kill('SIGKILL');
  await exited;
}

interface ProcessStatus {
  pid: number;
  started_at: Date;
}

/** The projector's own report (it writes `projector_process` every couple of seconds), once streaming and newer than `after`. */
async function streamingStatus(after: Date): Promise<ProcessStatus> {
  let status: ProcessStatus | undefined;
  await waitFor('the projector to report itself streaming', async () => {
    [status] = await readDb<ProcessStatus[]>`
      select pid, started_at from projector_process where state = 'streaming' and updated_at > ${after}`;
    return status !== undefined;
  }, CONVERGE_MS, 200);
  return status!;
}

const skusIn = (rows: Record<string, unknown>[], prefix: string) => rows.filter((r) => String(r.sku).startsWith(`${prefix}-`));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'storefront-faults-'));
  stack = await startLocalStack({ dataDir, pgPort: await freePort(), meiliPort: await freePort(), log: () => {} });
  pg = stack.postgres!;
  meili = stack.meili!;
  env = { ...stack.env, MEILI_INDEX: 'products', PROJECTOR_METRICS_PORT: String(await freePort()) };
  writeDb = postgres(env.ADMIN_DATABASE_URL, { max: 2, onnotice: () => {} });
  readDb = postgres(env.ADMIN_READ_DATABASE_URL, { max: 2, onnotice: () => {} });
  commands = createWriteDb(env.DATABASE_URL, { max: 2 });
  const deps = { db: commands.db };
  const actor = await seedStaff(commands.db);
  const category = await createCategory(deps, actor, { name: 'Fault lines' });
  const warehouse = await createWarehouse(deps, actor, { code: 'FAULT', name: 'Fault depot' });
  const customerIds = [];
  for (let i = 0; i < 3; i++) customerIds.push((await registerCustomer(deps, actor, { email: `fault-${i}@example.com`, name: `Fault customer ${i}` })).id);
  workload = new Workload(deps, actor, { categoryId: category.id, warehouseId: warehouse.id, customerIds });
  projector = new ProjectorProcess(env);
  projector.start();
  await expectConverged();
});

afterAll(async () => {
  await projector?.stop();
  await commands?.sql.end({ timeout: 5 });
  await writeDb?.end({ timeout: 5 });
  await readDb?.end({ timeout: 5 });
  await meili?.stop();
  await pg?.stop();
  await stack?.stop(); // the first Meilisearch and Postgres; no-ops once they were replaced
  if (!dataDir) return;
  const pointer = join(dataDir, 'pg-location');
  if (existsSync(pointer)) rmSync(readFileSync(pointer, 'utf8').trim(), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('projector under infrastructure faults', () => {
  it('keeps the SQL read models moving while Meilisearch is killed mid-burst, then the index converges', async () => {
    const burstStart = await currentPosition();
    let done = 0;
    const stop = { after: Number.POSITIVE_INFINITY };
    const burst = workload.run('MEILI', (n) => {
      done = n;
      return n < stop.after;
    });
    // Mid-burst, once the index is taking the burst in: the kill lands on a lane at work.
    await waitFor('the index to take in the start of the burst', async () => done >= 20 && (await searchCheckpoint(burstStart)).past, 60_000, 10).catch(async (error: unknown) => {
      stop.after = 0;
      await burst;
      throw error;
    });
    const meiliPort = Number(new URL(meili.url).port);
    await killMeilisearch();
    const killedAt = await currentPosition();
    stop.after = done + 60; // and keep writing while it is down
    const steps = await burst;

    const writtenWhileDown = await currentPosition();
    await waitForSqlCheckpoints(writtenWhileDown);
    const [summaries] = await readDb<{ n: number }[]>`select count(*)::int as n from product_summaries where sku like 'MEILI-%'`;
    expect(summaries!.n, 'the SQL read models hold the products written while Meilisearch was down').toBe(steps);
    // A lane that dropped its failures would move within this window (it catches up in well under it when Meilisearch is up).
    const held = await searchCheckpoint(killedAt);
    await sleep(OBSERVE_MS);
    expect(await searchCheckpoint(killedAt), 'product_search stays where it was when Meilisearch died').toEqual({ ...held, past: false });
    const [queued] = await readDb<{ n: number }[]>`
      select count(*)::int as n from search_queue q join product_summaries s on s.id = q.product_id where s.sku like 'MEILI-%'`;
    expect(queued!.n, 'what the index lacks waits in the read database').toBeGreaterThan(0);
    expect(projector.running, `the projector keeps running${projectorTail()}`).toBe(true);

    meili = await startMeilisearch({ dataDir, port: meiliPort, masterKey: env.MEILI_MASTER_KEY });
    const models = await expectConverged();
    expect(skusIn(models.search.actual, 'MEILI')).toHaveLength(steps);
    expect(projector.running, `the projector keeps running${projectorTail()}`).toBe(true);
  }, 300_000);

  it('reconnects by itself when Postgres restarts under it, and converges', async () => {
    expect(projector.running, `the projector is running${projectorTail()}`).toBe(true);
    const [{ now: beforeOutage }] = (await writeDb<{ now: Date }[]>`select now()`) as unknown as [{ now: Date }];
    const before = await streamingStatus(beforeOutage);
    const steps = 40;
    await workload.run('PGA', (n) => n < steps); // the projector is still catching up on these when Postgres goes
    await pg.stop(); // fast shutdown
    await sleep(3000); // down long enough for the projector's reconnects to be refused
    expect(projector.running, `the projector survives Postgres going away${projectorTail()}`).toBe(true);

    pg = await startPostgres({ dataDir, port: pg.port, password: loadOrCreateSecrets(dataDir).postgresPassword });
    const [{ now: restartedAt }] = (await writeDb<{ now: Date }[]>`select now()`) as unknown as [{ now: Date }];
    await workload.run('PGB', (n) => n < steps);
    const models = await expectConverged();
    expect(skusIn(models.sql.product_summaries!.actual, 'PGA')).toHaveLength(steps);
    expect(skusIn(models.search.actual, 'PGB')).toHaveLength(steps);

    expect(projector.running, `the projector keeps running${projectorTail()}`).toBe(true);
    const after = await streamingStatus(restartedAt);
    expect(after, 'the same projector process, never restarted').toEqual(before);
    const [slot] = await writeDb<{ active: boolean }[]>`select active from pg_replication_slots where slot_name = 'shop_projector'`;
    expect(slot).toEqual({ active: true });
  }, 300_000);

  it('sends pages over Meilisearch\'s payload limit in smaller pages, in the lane and in a rebuild', async () => {
    const meiliPort = Number(new URL(meili.url).port);
    await killMeilisearch();
    meili = await startMeilisearch({ dataDir, port: meiliPort, masterKey: env.MEILI_MASTER_KEY, payloadLimitBytes: 1024 * 1024 });
    try {
      // 60 documents of ~50 KB: one page is three times the limit, each document well under it.
      await writeDb`
        insert into products (id, sku, name, description, brand, category_id, price_cents, currency, status)
        select gen_random_uuid(), 'BIG-' || g, 'Big item ' || g, repeat(md5(g::text), 1600), null, null, 100, 'EUR', 'active'
          from generate_series(1, 60) g`;
      let models = await expectConverged();
      expect(skusIn(models.search.actual, 'BIG')).toHaveLength(60);
      const requestId = randomUUID();
      await writeDb`insert into projector_requests (id, kind, target) values (${requestId}, 'rebuild', 'product_search')`;
      await waitFor('the search rebuild to switch', async () => {
        const [row] = await readDb<{ status: string; error: string | null }[]>`select status, error from projection_rebuilds where id = ${requestId}`;
        if (row?.status === 'failed') throw new Error(`rebuild failed: ${row.error}${projectorTail()}`);
        return row?.status === 'switched';
      }, CONVERGE_MS, 100);
      models = await expectConverged();
      expect(skusIn(models.search.actual, 'BIG')).toHaveLength(60);
      const [letters] = await readDb<{ n: number }[]>`select count(*)::int as n from dead_letters where status = 'pending'`;
      expect(letters!.n).toBe(0);
    } finally {
      await killMeilisearch();
      meili = await startMeilisearch({ dataDir, port: meiliPort, masterKey: env.MEILI_MASTER_KEY });
    }
  }, 300_000);

  it('takes every product out of the index after TRUNCATE products CASCADE', async () => {
    await workload.run('TRUNC', (n) => n < 10);
    let models = await expectConverged();
    expect(skusIn(models.search.actual, 'TRUNC')).toHaveLength(10);
    await writeDb`truncate products cascade`;
    models = await expectConverged();
    expect(models.search.actual).toEqual([]);
    expect(models.sql.product_summaries!.actual).toEqual([]);
  }, 300_000);
});

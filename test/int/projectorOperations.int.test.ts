import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import { waitFor } from '@/scripts/stack/processes';
import { adminDatabases } from '../support/adminDatabases';
import { errorOf } from '../support/api';
import { startedProjectorAndLogins } from '../support/projectorAndLogins';
import { expectConverged as expectConvergedWith } from '../support/readModels';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { writeDb, readDb } = adminDatabases(env, { write: 4, read: 4 });
const { projector, admin, viewer } = startedProjectorAndLogins(env, webUrl);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


const expectConverged = () => expectConvergedWith(env, projector, 120_000);

/** `promise`, or a failure after `ms` that says what was awaited and what `explain` finds. */
async function within<T>(ms: number, what: string, promise: Promise<T>, explain: () => Promise<string> | string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => void Promise.resolve().then(explain).catch((error: unknown) => `(could not explain: ${String(error)})`).then((why) => reject(new Error(`still waiting for ${what} after ${ms} ms\n${why}`))), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  // Something to rebuild and to sell.
  for (let i = 0; i < 30; i++) await admin.catalog.createProduct.mutate({ sku: `OPS-${i}`, name: `Operations item ${i}`, priceCents: 500 + i, currency: 'EUR' });
});

describe('dead letters', () => {
  it('parks a change the projection cannot apply, goes on with the rest, and replays it on request', async () => {
    await expectConverged();
    // A read-model rule the projection does not know about: its rows for this product are refused (a "bug").
    await readDb`alter table product_summaries add constraint test_poison check (name not like 'POISON%')`;
    try {
      const before = await admin.catalog.createProduct.mutate({ sku: 'DL-GOOD-1', name: 'Healthy before', priceCents: 100, currency: 'EUR' });
      const poison = await admin.catalog.createProduct.mutate({ sku: 'DL-POISON', name: 'POISON pill', priceCents: 100, currency: 'EUR' });
      const after = await admin.catalog.createProduct.mutate({ sku: 'DL-GOOD-2', name: 'Healthy after', priceCents: 100, currency: 'EUR' });

      // The pipeline went on: the changes around the poison are in the read model.
      expect((await admin.catalog.product.query({ id: after.id, after: after.position })).fresh).toBe(true);
      expect((await admin.catalog.product.query({ id: before.id })).product.name).toBe('Healthy before');
      const missing = await errorOf(admin.catalog.product.query({ id: poison.id }));
      expect(missing.code).toBe('NOT_FOUND');

      const letters = await admin.system.deadLetters.query({ projection: 'product_summaries', after: after.position });
      const letter = letters.items.find((l) => l.key === poison.id);
      expect(letter).toMatchObject({ projection: 'product_summaries', status: 'pending', attempts: 1, errorCode: '23514' });
      expect(letter!.error).toContain('test_poison');
      expect(JSON.stringify(letter!.payload)).toContain('POISON pill');
      const status = await admin.system.status.query();
      expect(status.projections.find((p) => p.projection === 'product_summaries')?.pendingDeadLetters).toBeGreaterThanOrEqual(1);

      // Viewers see it but cannot act on it.
      expect((await errorOf(viewer.system.retryDeadLetter.mutate({ id: letter!.id }))).code).toBe('FORBIDDEN');

      // A retry before the fix fails again and is counted.
      const again = await admin.system.retryDeadLetter.mutate({ id: letter!.id });
      await waitFor('the retry to be counted', async () => {
        const page = await admin.system.deadLetters.query({ projection: 'product_summaries', after: again.position });
        return page.items.find((l) => l.id === letter!.id)?.attempts === 2;
      }, 30_000, 100);
    } finally {
      await readDb`alter table product_summaries drop constraint if exists test_poison`;
    }

    // After the fix, a retry applies it and closes the letter.
    const pending = await admin.system.deadLetters.query({ projection: 'product_summaries' });
    const letter = pending.items.find((l) => l.payload && JSON.stringify(l.payload).includes('POISON pill'))!;
    const retried = await admin.system.retryDeadLetter.mutate({ id: letter.id });
    const resolved = await admin.system.deadLetters.query({ status: 'resolved', projection: 'product_summaries', after: retried.position });
    expect(resolved.fresh).toBe(true);
    expect(resolved.items.find((l) => l.id === letter.id)).toMatchObject({ status: 'resolved', resolution: 'retried' });
    expect((await admin.catalog.product.query({ id: letter.key, after: retried.position })).product.name).toBe('POISON pill');
    expect((await errorOf(admin.system.retryDeadLetter.mutate({ id: letter.id }))).code).toBe('UNPROCESSABLE_CONTENT');
    await expectConverged();
  });
});

describe('dead letters and kept columns', () => {
  it('recounts the sales of a product whose dead-lettered change held them, when a later price change applies it', async () => {
    await expectConverged();
    const stamp = Date.now();
    const product = await admin.catalog.createProduct.mutate({ sku: `DL-SALES-${stamp}`, name: 'Sold while refused', priceCents: 300, currency: 'EUR' });
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: `DS${stamp % 100000}`, name: 'Dead letter depot' });
    await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: 5, reason: 'dead letter test' });
    const customer = await admin.customers.register.mutate({ email: `dl-sales-${stamp}@example.com`, name: 'Dead letter customer' });
    await expectConverged();
    // The read model refuses this product's row once it has sales: the order's batch dead-letters it.
    await readDb.unsafe(`alter table product_summaries add constraint test_no_sales check (sku <> 'DL-SALES-${stamp}' or units_sold = 0)`);
    let order: { position: string };
    try {
      order = await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 2 }] });
      await waitFor('the dead letter', async () => {
        const page = await admin.system.deadLetters.query({ projection: 'product_summaries', after: order.position });
        return page.items.some((l) => l.key === product.id && l.status === 'pending');
      }, 30_000, 100);
      expect(Number((await admin.catalog.product.query({ id: product.id })).product.unitsSold)).toBe(0);
    } finally {
      await readDb`alter table product_summaries drop constraint if exists test_no_sales`;
    }
    // A price change touches no order: its batch must not keep the stale sales of the live row.
    const current = (await admin.catalog.product.query({ id: product.id })).product;
    const repriced = await admin.catalog.changePrice.mutate({ id: product.id, expectedVersion: current.version, priceCents: 350 });
    const after = await admin.catalog.product.query({ id: product.id, after: repriced.position });
    expect(after.fresh).toBe(true);
    expect(Number(after.product.unitsSold)).toBe(2);
    const letters = await admin.system.deadLetters.query({ projection: 'product_summaries', status: 'resolved', after: repriced.position });
    expect(letters.items.find((l) => l.key === product.id)).toMatchObject({ status: 'resolved', resolution: 'applied by a later change' });
    await expectConverged();
  });
});

describe('rebuild without downtime', () => {
  it('rebuilds every projection beside the live one while queries keep answering and writes go on', async () => {
    await expectConverged();
    const products = Number((await readDb`select count(*)::int as n from product_summaries`)[0]!.n);
    let querying = true;
    const seen = { searches: 0, emptySearches: 0, reads: 0, emptyReads: 0, errors: [] as string[] };
    const reader = (async () => {
      while (querying) {
        try {
          const result = await admin.search.products.query({ q: '' });
          seen.searches += 1;
          if (result.total < products) seen.emptySearches += 1;
          const [row] = await readDb<{ n: number }[]>`select count(*)::int as n from product_summaries`;
          seen.reads += 1;
          if (row!.n < products) seen.emptyReads += 1;
        } catch (error) {
          seen.errors.push(String(error));
        }
      }
    })();

    // The command-line way, with its progress output...
    const cli = spawn(process.execPath, ['--import', 'tsx', 'projector/main.ts', 'rebuild', 'product_search'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Listened for at once: the command may be done before the writes below are (CI saw it exit unheard).
    const cliExited = new Promise<number | null>((resolve) => cli.once('close', resolve));
    let cliOutput = '';
    cli.stdout.on('data', (c: Buffer) => (cliOutput += c.toString()));
    cli.stderr.on('data', (c: Buffer) => (cliOutput += c.toString()));
    // ...and the API way, for every SQL projection; writes keep coming meanwhile.
    const requested: { id: string }[] = [];
    for (const projection of ALL_PROJECTIONS.filter((p) => p !== 'product_search')) requested.push(await admin.system.rebuild.mutate({ projection }));
    for (let i = 0; i < 20; i++) {
      const p = await admin.catalog.createProduct.mutate({ sku: `RB-${i}`, name: `Made during rebuild ${i}`, priceCents: 100 + i, currency: 'EUR' });
      await admin.catalog.changePrice.mutate({ id: p.id, expectedVersion: p.version, priceCents: 999 });
      await sleep(20);
    }
    const explain = async () => {
      const rebuilds = await readDb`select projection, status, total, done, error from projection_rebuilds order by requested_at`;
      return `seen: ${JSON.stringify(seen)}\nrebuilds: ${JSON.stringify(rebuilds)}\ncli output:\n${cliOutput.slice(-3000)}\nprojector output:\n${projector.output.slice(-20).join('')}`;
    };
    const code = await within(60_000, 'the rebuild command to exit', cliExited, explain).finally(() => cli.kill('SIGKILL'));
    expect(code, cliOutput).toBe(0);
    expect(cliOutput).toMatch(/rebuild product_search/);
    await waitFor('every rebuild to switch', async () => {
      const status = await admin.system.status.query();
      const mine = status.rebuilds.filter((r) => requested.some((q) => q.id === r.id));
      if (mine.some((r) => r.status === 'failed')) throw new Error(`a rebuild failed: ${JSON.stringify(mine)}`);
      return mine.length === requested.length && mine.every((r) => r.status === 'switched' && r.done === r.total);
    }, 60_000, 200);
    querying = false;
    await within(30_000, 'the last query of the reader', reader, explain);

    expect(seen.errors).toEqual([]);
    expect(seen.searches).toBeGreaterThan(5);
    expect(seen.emptySearches).toBe(0);
    expect(seen.emptyReads).toBe(0);
    const models = await expectConverged();
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('RB-')).every((p) => p.price_cents === 999)).toBe(true);
    // The switched-in tables answer the query role and kept their index names.
    const [{ n: indexes }] = (await readDb`select count(*)::int as n from pg_indexes where indexname = 'product_summaries_sku_idx'`) as unknown as [{ n: number }];
    expect(indexes).toBe(1);
  });
});

describe('observability', () => {
  it('reports checkpoint, lag, rates and the slot per projection through system.status and Prometheus', async () => {
    await expectConverged();
    await waitFor('a status report after catching up', async () => {
      const status = await admin.system.status.query();
      return status.process?.alive === true && status.process.streaming && status.projections.every((p) => p.checkpointLsn !== null && p.lagBytes !== null);
    }, 20_000, 200);
    const status = await viewer.system.status.query();
    expect(status.projections.map((p) => p.projection).sort()).toEqual([...ALL_PROJECTIONS].sort());
    expect(status.process).toMatchObject({ slotName: 'shop_projector', slotWalStatus: 'reserved', alive: true });
    expect(status.process!.slotRetainedBytes).toBeGreaterThanOrEqual(0);
    expect(status.projections.find((p) => p.projection === 'product_summaries')!.changesTotal).toBeGreaterThan(0);

    const metrics = await (await fetch(`http://127.0.0.1:${env.PROJECTOR_METRICS_PORT}/metrics`)).text();
    for (const name of ALL_PROJECTIONS) expect(metrics).toContain(`projector_checkpoint_lsn{projection="${name}"}`);
    expect(metrics).toMatch(/projector_lag_bytes\{projection="product_search"\} \d+/);
    expect(metrics).toMatch(/projector_slot_retained_wal_bytes \d+/);
    expect(metrics).toContain('projector_streaming 1');
    expect((await fetch(`http://127.0.0.1:${env.PROJECTOR_METRICS_PORT}/healthz`)).status).toBe(200);
  });
});

describe('large transactions', () => {
  it('applies a 100k-row transaction whole: readers see none of it or all of it', async () => {
    await expectConverged();
    const [{ n: before }] = (await readDb`select count(*)::int as n from activity`) as unknown as [{ n: number }];
    await writeDb`
      insert into journal (command, aggregate_type, aggregate_id, aggregate_version, event_type, schema_version, payload, result)
      select 'test.bulk', 'bulk', g::text, 1, 'BulkLoaded', 1, jsonb_build_object('n', g), '{}'::jsonb
        from generate_series(1, 100000) g`;
    const counts = new Set<number>();
    await waitFor('the bulk transaction to be applied', async () => {
      const [{ n }] = (await readDb`select count(*)::int as n from activity`) as unknown as [{ n: number }];
      counts.add(n);
      return n === before + 100_000;
    }, 180_000, 20);
    expect([...counts].every((n) => n === before || n === before + 100_000)).toBe(true);
    await expectConverged();
  });
});

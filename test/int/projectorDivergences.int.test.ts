import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '@/scripts/stack/processes';
import { adminDatabases } from '../support/adminDatabases';
import { loggedInBeforeAll } from '../support/logins';
import { ProjectorProcess } from '../support/projector';
import { expectConverged } from '../support/readModels';

/**
 * Divergences found by trying the system as an adversary would (issue 11): each history
 * here left a read model different from a fresh rebuild before its fix.
 */
const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { writeDb, readDb } = adminDatabases(env, { write: 2, read: 2 });
let projector = new ProjectorProcess(env);
const { admin } = loggedInBeforeAll(webUrl, ['admin']);

const converge = () => expectConverged(env, projector, 120_000);

/** Stops the running projector and starts one with `extra` settings. */
async function restartWith(extra: Record<string, string>): Promise<void> {
  await projector.stop();
  projector = new ProjectorProcess({ ...env, ...extra });
  projector.start();
}

/**
 * With the projector stopped: a rebuild of `projection` is requested, then a backlog of 150
 * small transactions, then `change`. Restarted with one change per batch, the rebuild (its
 * snapshot already showing `change`) switches long before the lane reaches `change`.
 */
async function rebuildAheadOfLane(projection: 'product_summaries' | 'order_summaries', change: () => Promise<unknown>): Promise<void> {
  const filler = await admin.catalog.createProduct.mutate({ sku: `REBUILD-FILL-${projection}-${Date.now()}`, name: 'Busy elsewhere', priceCents: 100, currency: 'EUR' });
  await converge();
  await projector.stop();
  await admin.system.rebuild.mutate({ projection });
  for (let i = 0; i < 150; i++) await writeDb`update products set price_cents = price_cents + 1, version = version + 1 where id = ${filler.id}`;
  await change();
  await restartWith({ PROJECTOR_BATCH_CHANGES: '1' });
  await waitFor('the rebuild to switch', async () => {
    const rows = await readDb`select 1 from projection_rebuilds where projection = ${projection} and status in ('queued', 'running')`;
    return rows.length === 0;
  }, 60_000, 100);
}

afterAll(async () => {
  await projector.stop();
});

describe('convergence against histories that used to diverge', () => {
  it('counts a product moved right after a big transaction the projector is behind on (snapshot ahead of the batch)', async () => {
    const from = await admin.catalog.createCategory.mutate({ name: `Drift from ${Date.now()}` });
    const to = await admin.catalog.createCategory.mutate({ name: `Drift to ${Date.now()}` });
    await writeDb`
      insert into products (id, sku, name, description, brand, category_id, price_cents, currency, status)
      select gen_random_uuid(), 'DRIFT-' || g, 'Drift item ' || g, '', null, ${from.id}, 100, 'EUR', 'active'
        from generate_series(1, 800) g`;
    await converge();
    await projector.stop();
    await writeDb.begin(async (tx) => {
      for (let i = 0; i < 7; i++) await tx`update products set updated_at = now() where sku like 'DRIFT-%'`;
    });
    await writeDb`update products set category_id = ${to.id}, version = version + 1 where sku = 'DRIFT-1'`;
    // The big transaction fills a batch of its own; its snapshot already shows the move.
    await restartWith({ PROJECTOR_BATCH_CHANGES: '1000' });
    const models = await converge();
    expect(models.sql.category_tree!.actual.find((c) => c.id === to.id)).toMatchObject({ product_count: 1 });
  });

  it('forgets an order placed and deleted within one batch that the snapshot of an earlier batch already counted (found by npm run converge --stream, seed 19)', async () => {
    const product = await admin.catalog.createProduct.mutate({ sku: `GHOST-${Date.now()}`, name: 'Ghost sale', priceCents: 250, currency: 'EUR' });
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: `GH${Date.now() % 100000}`, name: 'Ghost depot' });
    await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: 10, reason: 'ghost' });
    const customer = await admin.customers.register.mutate({ email: `ghost-${Date.now()}@example.com`, name: 'Ghost buyer' });
    await converge();
    await projector.stop();
    // One batch: an order for the product, then a large transaction. Its snapshot, taken when the projector
    // applies it, already shows the second order below: it counts it for the product, the customer and the day.
    await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 1 }] });
    await writeDb.begin(async (tx) => {
      for (let i = 0; i < 1000; i++) await tx`update products set updated_at = now() where id = ${product.id}`;
    });
    const ghost = await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 4 }] });
    // The first batch is held just before it writes (its snapshot taken, showing the second order), and
    // the second order is deleted meanwhile: its insert and its delete then come in the next batch, where
    // neither the write model nor the read model shows its lines any more, only the change events' row images.
    const lock = await readDb.reserve();
    try {
      await lock`begin`;
      await lock`lock table product_summaries in exclusive mode`;
      await restartWith({ PROJECTOR_BATCH_CHANGES: '1000' });
      await waitFor('the first batch to wait for the lock', async () => {
        const waiting = await readDb`select 1 from pg_stat_activity where application_name = 'projector' and wait_event_type = 'Lock'`;
        return waiting.length > 0;
      }, 60_000, 20);
      await writeDb`delete from orders where id = ${ghost.id}`;
      await lock`commit`;
    } finally {
      lock.release();
    }
    const models = await converge();
    expect(models.sql.product_summaries!.actual.find((p) => p.id === product.id)).toMatchObject({ units_sold: '1' });
    expect(models.sql.customer_summaries!.actual.find((c) => c.id === customer.id)).toMatchObject({ order_count: 1 });
  });

  it('counts a move a product_summaries rebuild already shows when the lane reaches it', async () => {
    const from = await admin.catalog.createCategory.mutate({ name: `Rebuild drift from ${Date.now()}` });
    const to = await admin.catalog.createCategory.mutate({ name: `Rebuild drift to ${Date.now()}` });
    const product = await admin.catalog.createProduct.mutate({ sku: `REBUILD-DRIFT-${Date.now()}`, name: 'Moved during a rebuild', priceCents: 100, currency: 'EUR', categoryId: from.id });
    // The rebuild request comes first in the stream, the move after it: the rebuild's snapshot
    // is taken when it starts, after the move committed, while the lane has not applied it.
    await rebuildAheadOfLane('product_summaries', () => writeDb`update products set category_id = ${to.id}, version = version + 1 where id = ${product.id}`);
    const models = await converge();
    expect(models.sql.category_tree!.actual.find((c) => c.id === to.id)).toMatchObject({ product_count: 1 });
  });

  it('forgets a deleted order in its customer and products when an order_summaries rebuild already lacks it (found by npm run converge, seed 1000)', async () => {
    const product = await admin.catalog.createProduct.mutate({ sku: `REBUILD-ORDER-${Date.now()}`, name: 'Ordered then deleted', priceCents: 70, currency: 'EUR' });
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: `RO${Date.now() % 100000}`, name: 'Rebuild depot' });
    await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: 5, reason: 'test' });
    const customer = await admin.customers.register.mutate({ email: `rb-order-${Date.now()}@example.com`, name: 'Rebuilt customer' });
    const order = await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 1 }] });
    await rebuildAheadOfLane('order_summaries', () =>
      writeDb.begin(async (tx) => {
        await tx`delete from order_allocations where order_id = ${order.id}`;
        await tx`delete from order_lines where order_id = ${order.id}`;
        await tx`delete from orders where id = ${order.id}`;
      }),
    );
    const models = await converge();
    expect(models.sql.customer_summaries!.actual.find((c) => c.id === customer.id)).toMatchObject({ order_count: 0 });
  });

  it('removes from the index the products of a deleted order line: units sold come down in search too', async () => {
    const product = await admin.catalog.createProduct.mutate({ sku: `DEL-LINE-${Date.now()}`, name: 'Sold then unsold', priceCents: 300, currency: 'EUR' });
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: `DL${Date.now() % 100000}`, name: 'Delete depot' });
    await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: 5, reason: 'test' });
    const customer = await admin.customers.register.mutate({ email: `del-line-${Date.now()}@example.com`, name: 'Deleter' });
    const order = await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 2 }] });
    await converge();
    // The SQL lane applies the delete first; the index must still learn which products it touched.
    await writeDb.begin(async (tx) => {
      await tx`delete from order_allocations where order_id = ${order.id}`;
      await tx`delete from order_lines where order_id = ${order.id}`;
      await tx`delete from orders where id = ${order.id}`;
    });
    const models = await converge();
    expect(models.search.actual.find((d) => d.id === product.id)).toMatchObject({ unitsSold: 0 });
  });

  it('takes checkpoints ahead of the write database as untrustworthy and loads afresh instead of freezing', async () => {
    await admin.catalog.createProduct.mutate({ sku: `AHEAD-A-${Date.now()}`, name: 'Before the restore', priceCents: 100, currency: 'EUR' });
    await converge();
    await projector.stop();
    // What a write database restored from a backup (or recreated) looks like from the read side.
    await readDb`update projection_checkpoints set lsn = 'FFF/0'`;
    const after = await admin.catalog.createProduct.mutate({ sku: `AHEAD-B-${Date.now()}`, name: 'After the restore', priceCents: 100, currency: 'EUR' });
    projector.start();
    // Until the projector has loaded afresh, those checkpoints claim every position applied.
    await waitFor('a fresh load', async () => (await readDb`select 1 from projection_checkpoints where lsn >= 'FFF/0'`).length === 0, 60_000, 100);
    expect(projector.output.join('')).toMatch(/ahead of the write database/);
    expect((await admin.catalog.product.query({ id: after.id, after: after.position })).fresh).toBe(true);
    await converge();
  });

  it('loads afresh when the read models were loaded from another write server', async () => {
    await converge();
    await projector.stop();
    await readDb`update projector_source set system_id = 'another-server'`;
    const product = await admin.catalog.createProduct.mutate({ sku: `OTHER-${Date.now()}`, name: 'Other server', priceCents: 100, currency: 'EUR' });
    projector.start();
    await waitFor('a fresh load', async () => (await readDb`select 1 from projector_source where system_id = 'another-server'`).length === 0, 60_000, 100);
    expect(projector.output.join('')).toMatch(/loaded from another write database/);
    expect((await admin.catalog.product.query({ id: product.id, after: product.position })).fresh).toBe(true);
    await converge();
  });

  it('runs a rebuild whose request was committed with a batch just before a crash', async () => {
    await converge();
    await projector.stop();
    // What a crash right after the batch carrying the request leaves: the request recorded as queued.
    const id = randomUUID();
    await readDb`insert into projection_rebuilds (id, projection, status, requested_at) values (${id}, 'order_summaries', 'queued', now())`;
    projector.start();
    await waitFor('the queued rebuild to switch', async () => {
      const [row] = await readDb<{ status: string }[]>`select status from projection_rebuilds where id = ${id}`;
      return row?.status === 'switched';
    }, 60_000, 100);
    await converge();
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { random } from '@/scripts/seed/catalogData';
import { waitFor } from '@/scripts/stack/processes';
import { adminDatabases } from '../support/adminDatabases';
import { loggedInBeforeAll } from '../support/logins';
import { ProjectorProcess } from '../support/projector';
import { expectConverged as expectConvergedWith } from '../support/readModels';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const projector = new ProjectorProcess(env);
const { writeDb, readDb } = adminDatabases(env, { write: 4, read: 2 });
const { admin } = loggedInBeforeAll(webUrl, ['admin']);
const rnd = random(7);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const currentPosition = async () => (await writeDb<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`)[0]!.lsn;

const expectConverged = () => expectConvergedWith(env, projector, 90_000);

afterAll(async () => {
  await projector.stop();
});

describe('projector recovery and convergence', () => {
  it('builds the read models from a snapshot while writes race the initial load', async () => {
    // Forget the read side entirely: the projector must rebuild from an exported snapshot.
    await writeDb`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = 'shop_projector' and not active`;
    await readDb`delete from projection_checkpoints`;
    await readDb`delete from product_summaries`;
    const category = await admin.catalog.createCategory.mutate({ name: `Load race ${Date.now()}` });
    for (let i = 0; i < 50; i++) {
      await admin.catalog.createProduct.mutate({ sku: `LOAD-A${i}`, name: `Preloaded item ${i}`, priceCents: 100 + i, currency: 'EUR', categoryId: category.id });
    }
    projector.start();
    for (let i = 0; i < 80; i++) {
      await admin.catalog.createProduct.mutate({ sku: `LOAD-B${i}`, name: `Racing item ${i}`, priceCents: 200 + i, currency: 'EUR', categoryId: category.id });
    }
    const models = await expectConverged();
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('LOAD-'))).toHaveLength(130);
  });

  it('loses and doubles nothing when SIGKILLed at random moments during a burst', async () => {
    if (!projector.running) projector.start();
    const stamp = Date.now();
    const category = await admin.catalog.createCategory.mutate({ name: `Crash ${stamp}` });
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: `CR${stamp % 100000}`, name: 'Crash depot' });
    const customers = [];
    for (let i = 0; i < 3; i++) customers.push(await admin.customers.register.mutate({ email: `crash-${stamp}-${i}@example.com`, name: `Crash customer ${i}` }));
    const ids: string[] = [];
    const orders: { id: string; version: number }[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 160; i++) {
        const p = await admin.catalog.createProduct.mutate({
          sku: `CRASH-${i}`,
          name: `Crash test item ${i}`,
          priceCents: 1000 + i,
          currency: 'EUR',
          categoryId: category.id,
          tags: [`t${i % 5}`],
        });
        ids.push(p.id);
        await admin.inventory.adjustStock.mutate({ productId: p.id, warehouseId: warehouse.id, delta: 20, reason: 'crash test' });
        const pick = () => ids[Math.floor(rnd() * ids.length)]!;
        if (i % 3 === 1) {
          const lines = [...new Set([pick(), pick()])].map((productId) => ({ productId, quantity: 1 + Math.floor(rnd() * 2) }));
          const placed = await admin.orders.place.mutate({ customerId: customers[i % 3]!.id, lines }).catch(() => undefined);
          if (placed) orders.push({ id: placed.id, version: placed.version });
        }
        if (i % 5 === 2 && orders.length > 0) {
          const order = orders.splice(Math.floor(rnd() * orders.length), 1)[0]!;
          const next = rnd() < 0.5 ? admin.orders.pay : admin.orders.cancel;
          await next.mutate({ id: order.id, expectedVersion: order.version }).catch(() => undefined);
        }
        if (i % 7 === 3) await writeDb`update products set price_cents = price_cents + 1, version = version + 1, updated_at = now() where id = ${pick()}`;
        if (i % 11 === 5) await writeDb`delete from product_tags where product_id = ${pick()}`;
        if (i % 40 === 20) await writeDb`update categories set name = ${`Crash renamed ${i}`}, version = version + 1 where id = ${category.id}`;
      }
      writing = false;
    })();
    let kills = 0;
    while (writing || kills < 3) {
      await sleep(150 + rnd() * 900);
      await projector.kill();
      kills += 1;
      await sleep(rnd() * 300);
      projector.start();
    }
    await writer;
    expect(kills).toBeGreaterThanOrEqual(3);
    const models = await expectConverged();
    const summaries = models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('CRASH-'));
    expect(summaries).toHaveLength(160);
    expect(summaries.some((p) => Number(p.units_sold) > 0)).toBe(true);
    expect(models.sql.category_tree!.actual.find((c) => c.id === category.id)).toMatchObject({ product_count: 160, name: 'Crash renamed 140' });
    expect(models.sql.customer_summaries!.actual.filter((c) => String(c.email).startsWith(`crash-${stamp}`)).some((c) => Number(c.order_count) > 0)).toBe(true);
  });

  it('keeps an unchanged TOASTed description when only the price changes', async () => {
    const description = randomBytes(7500).toString('base64'); // ~10 KB that does not compress
    const p = await admin.catalog.createProduct.mutate({ sku: 'TOAST-1', name: 'Long story', description, priceCents: 500, currency: 'EUR' });
    await writeDb`update products set price_cents = 750, version = version + 1 where id = ${p.id}`;
    await expectConverged();
    const [row] = await readDb<{ description: string; price_cents: number }[]>`select description, price_cents from product_summaries where id = ${p.id}`;
    expect(row).toEqual({ description, price_cents: 750 });
  });

  it('follows deletes and primary-key changes', async () => {
    const gone = await admin.catalog.createProduct.mutate({ sku: 'DEL-1', name: 'Short-lived', priceCents: 1, currency: 'EUR', tags: ['temp'] });
    const moved = await admin.catalog.createProduct.mutate({ sku: 'PK-1', name: 'Renumbered', priceCents: 1, currency: 'EUR' });
    await expectConverged();
    await writeDb`delete from products where id = ${gone.id}`;
    const [{ id: newId }] = (await writeDb<{ id: string }[]>`update products set id = gen_random_uuid() where id = ${moved.id} returning id`) as unknown as [{ id: string }];
    const models = await expectConverged();
    const ids = models.sql.product_summaries!.actual.map((p) => p.id);
    expect(ids).not.toContain(gone.id);
    expect(ids).not.toContain(moved.id);
    expect(ids).toContain(newId);
  });

  it('keeps acknowledging on a quiet database so the slot retains no WAL for nothing', async () => {
    await expectConverged();
    await writeDb`create table if not exists unprojected_noise (id serial primary key, at timestamptz default now())`;
    await writeDb`insert into unprojected_noise default values`;
    await writeDb`checkpoint`;
    const target = await currentPosition();
    await waitFor('the slot to confirm the quiet stretch', async () => {
      const [slot] = await writeDb<{ confirmed: string; reached: boolean }[]>`
        select confirmed_flush_lsn::text as confirmed, confirmed_flush_lsn >= ${target}::pg_lsn as reached
          from pg_replication_slots where slot_name = 'shop_projector'`;
      return slot?.reached === true;
    }, 30_000, 100);
  });

  it('finishes cleanly on SIGTERM', async () => {
    if (!projector.running) projector.start();
    await sleep(500);
    await projector.stop();
    expect(projector.exitCode).toBe(0);
  });
});

describe('search index outage', () => {
  it('keeps the SQL read models fresh while Meilisearch is unreachable, then the index catches up', async () => {
    await expectConverged();
    await projector.stop();
    const deadPort = 1; // nothing listens there: connection refused, like a stopped Meilisearch
    const cutOff = new ProjectorProcess({ ...env, MEILI_URL: `http://127.0.0.1:${deadPort}` });
    cutOff.start();
    try {
      const [searchBefore] = await readDb<{ lsn: string }[]>`select lsn::text as lsn from projection_checkpoints where projection = 'product_search'`;
      const made = [];
      for (let i = 0; i < 5; i++) {
        made.push(await admin.catalog.createProduct.mutate({ sku: `OUTAGE-${i}`, name: `Outage item ${i}`, priceCents: 100, currency: 'EUR' }));
      }
      const last = made.at(-1)!;
      expect((await admin.catalog.product.query({ id: last.id, after: last.position })).fresh).toBe(true);
      const [searchDuring] = await readDb<{ lsn: string }[]>`select lsn::text as lsn from projection_checkpoints where projection = 'product_search'`;
      expect(searchDuring!.lsn).toBe(searchBefore!.lsn);
      // What the index lacks waits durably in the read database; the slot is not held for it.
      const queued = await readDb<{ id: string }[]>`select product_id as id from search_queue where product_id = any(${made.map((p) => p.id)}::uuid[])`;
      expect(queued).toHaveLength(5);
      expect((await admin.search.products.query({ q: 'Outage item' })).hits.filter((h) => h.sku.startsWith('OUTAGE-'))).toHaveLength(0);
    } finally {
      await cutOff.stop();
    }
    const models = await expectConverged();
    expect(models.search.actual.filter((d) => String(d.sku).startsWith('OUTAGE-'))).toHaveLength(5);
  });
});

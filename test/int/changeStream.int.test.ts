import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { random } from '@/scripts/seed/catalogData';
import { startNats, type NatsServer } from '@/scripts/stack/nats';
import { freePort, waitFor } from '@/scripts/stack/processes';
import { UNAVAILABLE, type ChangeEvent, type OutboxEvent, type TransactionMarker } from '@/projector/events/envelope';
import { STREAM_NAME, storedPosition } from '@/projector/changeStream/jetstream';
import { adminDatabases } from '../support/adminDatabases';
import { loggedInBeforeAll } from '../support/logins';
import { ProjectorProcess } from '../support/projector';
import { expectConverged } from '../support/readModels';

/**
 * The change stream with every real part: Postgres's slot → the publisher process → a real
 * nats-server with JetStream → projector workers (two, each building some read models) and an
 * outside consumer. The publisher, a worker and NATS itself are killed mid-burst; afterwards
 * every read model equals a fresh computation, and the stream holds each change once.
 */
const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { writeDb } = adminDatabases(env, { write: 4, read: 2 });
const { admin } = loggedInBeforeAll(webUrl, ['admin']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const natsDir = mkdtempSync(join(tmpdir(), 'storefront-nats-'));
let nats: NatsServer;
let natsPort: number;
let publisherPort: number;
let client: NatsConnection;
let jsm: JetStreamManager;
let publisher: ProjectorProcess;
const workers: ProjectorProcess[] = [];

function streamEnv(extra: Record<string, string>) {
  return { ...env, CHANGE_STREAM_URL: `nats://127.0.0.1:${natsPort}`, CHANGE_STREAM_HEARTBEAT_MS: '100', PROJECTOR_METRICS_PORT: '0', PUBLISHER_METRICS_PORT: '0', ...extra };
}

beforeAll(async () => {
  // A row of each kind the snapshot test looks at, whatever ran before this file.
  await writeDb`insert into products (sku, name, price_cents, currency) values (${`SNAP-${Date.now()}`}, 'Snapshot row', 100, 'EUR')`;
  natsPort = await freePort();
  nats = await startNats({ dataDir: natsDir, port: natsPort });
  publisherPort = await freePort();
  publisher = new ProjectorProcess(streamEnv({ PUBLISHER_METRICS_PORT: String(publisherPort) }), ['publish']);
  publisher.start();
  client = await connect({ servers: nats.url });
  jsm = await jetstreamManager(client);
  await waitFor('the publisher to create the stream and publish its snapshot', async () => {
    const messages = await readStream(1);
    return messages.some((m) => m.kind === 'end');
  }, 60_000, 200);
}, 90_000);

afterAll(async () => {
  for (const w of workers) await w.stop();
  await publisher?.stop();
  await client?.close().catch(() => {});
  await nats?.stop();
  rmSync(natsDir, { recursive: true, force: true });
});

interface Read {
  seq: number;
  subject: string;
  kind: string;
  commitLsn: string;
  order: number;
  body: unknown;
}

/** Every message from `from` on, as stored. */
async function readStream(from: number): Promise<Read[]> {
  const info = await jsm.streams.info(STREAM_NAME).catch(() => undefined);
  if (!info) return [];
  const out: Read[] = [];
  for (let seq = Math.max(from, info.state.first_seq); seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(STREAM_NAME, { seq });
    if (!m) continue;
    const p = storedPosition(m)!;
    out.push({ seq, subject: m.subject, kind: p.kind, commitLsn: p.commitLsn, order: p.order, body: m.json() });
  }
  return out;
}

async function lastSeq(): Promise<number> {
  return (await jsm.streams.info(STREAM_NAME)).state.last_seq;
}

/** The stream's messages after `from` once it ends with a whole transaction or a heartbeat at or past `lsn` (everything before it is in). */
async function streamUntil(from: number, lsn: string): Promise<Read[]> {
  let messages: Read[] = [];
  await waitFor(`the stream to reach ${lsn}`, async () => {
    messages = await readStream(from + 1);
    const last = messages.at(-1);
    if (!last || (last.kind !== 'end' && last.kind !== 'heartbeat')) return false;
    const [row] = await writeDb<{ ok: boolean }[]>`select ${last.commitLsn}::pg_lsn >= ${lsn}::pg_lsn as ok`;
    return row!.ok;
  }, 30_000, 100);
  return messages;
}

async function walPosition(): Promise<string> {
  const [row] = await writeDb<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  return row!.lsn;
}

const changes = (messages: Read[], table: string) => messages.filter((m) => m.subject === `shop.cdc.${table}`).map((m) => m.body as ChangeEvent);

describe('change events on JetStream', () => {
  it('starts the stream with a snapshot: every existing row as an r event, framed by markers with counts', async () => {
    const messages = await readStream(1);
    expect(messages[0]).toMatchObject({ subject: 'shop.transaction', kind: 'begin' });
    const end = messages.find((m) => m.kind === 'end')!;
    const marker = end.body as TransactionMarker;
    const reads = messages.filter((m) => m.seq < end.seq && m.kind === 'change');
    expect(marker).toMatchObject({ status: 'END', id: (messages[0]!.body as TransactionMarker).id, event_count: reads.length });
    const [count] = await writeDb<{ n: number }[]>`select count(*)::int as n from products`;
    const n = count!.n;
    const products = reads.filter((m) => m.subject === 'shop.cdc.products').map((m) => m.body as ChangeEvent);
    expect(products).toHaveLength(n);
    expect(products[0]).toMatchObject({ op: 'r', before: null, source: { snapshot: 'true', table: 'products', connector: 'postgresql' } });
    expect((reads.at(-1)!.body as ChangeEvent).source.snapshot).toBe('last');
    // Never published: staff password hashes.
    for (const user of reads.filter((m) => m.subject === 'shop.cdc.users')) expect((user.body as ChangeEvent).after).not.toHaveProperty('password_hash');
    // The publisher says it publishes, and counts what JetStream stored.
    expect((await fetch(`http://127.0.0.1:${publisherPort}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${publisherPort}/metrics`)).text();
    expect(Number(/^publisher_messages_stored_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(messages.length);
  });

  it('gives inserts, updates with and without TOAST, key changes, deletes and truncates their envelope', async () => {
    const from = await lastSeq();
    const description = randomBytes(6000).toString('base64'); // incompressible: stored out of line (TOASTed)
    const [warehouse] = await writeDb<{ id: string }[]>`insert into warehouses (code, name) values (${`EV${Date.now() % 100000}`}, 'Event depot') returning id`;
    const [other] = await writeDb<{ id: string }[]>`insert into warehouses (code, name) values (${`EW${Date.now() % 100000}`}, 'Other depot') returning id`;
    const [product] = await writeDb<{ id: string }[]>`
      insert into products (sku, name, description, price_cents, currency) values (${`EV-${Date.now()}`}, 'Envelope', ${description}, 100, 'EUR') returning id`;
    await writeDb`update products set price_cents = 250, version = version + 1 where id = ${product!.id}`;
    await writeDb`update products set description = ${`${description}!`}, version = version + 1 where id = ${product!.id}`;
    await writeDb`insert into stock_levels (product_id, warehouse_id, quantity) values (${product!.id}, ${warehouse!.id}, 5)`;
    await writeDb`update stock_levels set warehouse_id = ${other!.id} where product_id = ${product!.id}`;
    await writeDb`delete from stock_levels where product_id = ${product!.id}`;
    await writeDb.begin(async (tx) => {
      await tx`insert into product_tags (product_id, tag) values (${product!.id}, 'envelope')`;
      await tx`delete from product_tags where product_id = ${product!.id}`;
    });
    const messages = await streamUntil(from, await walPosition());
    const productEvents = changes(messages, 'products').filter((e) => (e.after ?? e.before)?.id === product!.id);
    expect(productEvents.map((e) => e.op)).toEqual(['c', 'u', 'u']);
    const [created, priced, described] = productEvents as [ChangeEvent, ChangeEvent, ChangeEvent];
    expect(created.after).toMatchObject({ description, price_cents: 100 });
    expect(created.source).toMatchObject({ connector: 'postgresql', db: 'shop', schema: 'public', table: 'products', snapshot: 'false' });
    expect(typeof created.source.txId).toBe('number');
    expect(created.source.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(created.transaction).toMatchObject({ total_order: 1, data_collection_order: 1 });
    // The unchanged TOASTed description is marked unavailable: never null, never invented.
    expect(priced.after).toMatchObject({ price_cents: 250, description: UNAVAILABLE });
    expect(priced.before).toBeNull();
    expect(described.after).toMatchObject({ description: `${description}!` });
    const stock = changes(messages, 'stock_levels').filter((e) => (e.after ?? e.before)?.product_id === product!.id);
    expect(stock.map((e) => e.op)).toEqual(['c', 'u', 'd']);
    // A key change carries the old key in before; a delete carries the key.
    expect(stock[1]!.before).toEqual({ product_id: product!.id, warehouse_id: warehouse!.id });
    expect(stock[1]!.after).toMatchObject({ warehouse_id: other!.id, quantity: 5 });
    expect(stock[2]).toMatchObject({ op: 'd', after: null, before: { product_id: product!.id, warehouse_id: other!.id } });
    // Both tag changes in one transaction: BEGIN, two events, END with the counts, in order.
    const tagTx = messages.find((m) => m.subject === 'shop.cdc.product_tags')!;
    const frame = messages.filter((m) => m.commitLsn === tagTx.commitLsn);
    expect(frame.map((m) => m.kind)).toEqual(['begin', 'change', 'change', 'end']);
    expect(frame.at(-1)!.body).toMatchObject({ status: 'END', event_count: 2, data_collections: [{ data_collection: 'public.product_tags', event_count: 2 }] });
    expect(frame.slice(1, 3).map((m) => (m.body as ChangeEvent).transaction?.total_order)).toEqual([1, 2]);
    expect(frame.slice(1, 3).map((m) => (m.body as ChangeEvent).op)).toEqual(['c', 'd']);
  });

  it('publishes a truncate as a t event', async () => {
    const from = await lastSeq();
    await writeDb.begin(async (tx) => {
      const tags = await tx`select product_id, tag from product_tags`;
      await tx`truncate product_tags`;
      if (tags.length) await tx`insert into product_tags ${tx(tags as unknown as { product_id: string; tag: string }[], 'product_id', 'tag')}`;
    });
    const messages = await streamUntil(from, await walPosition());
    const truncate = changes(messages, 'product_tags').find((e) => e.op === 't');
    expect(truncate).toMatchObject({ op: 't', before: null, after: null, source: { table: 'product_tags' } });
  });

  let fromSeq = 0;

  it('builds the read models in two projector workers, each with its own projections, from the stream', async () => {
    fromSeq = await lastSeq();
    workers.push(new ProjectorProcess(streamEnv({ PROJECTIONS: 'product_summaries,product_search' })));
    workers.push(new ProjectorProcess(streamEnv({ PROJECTIONS: 'category_tree,order_summaries,customer_summaries,sales_daily,activity' })));
    for (const w of workers) w.start();
    await writeBurst('CS0', 20).run;
    const models = await expectConverged(env, workers[1]!, 120_000);
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('CS0-'))).toHaveLength(20);
    const [row] = await writeDb<{ n: number }[]>`select count(*)::int as n from pg_replication_slots where slot_name = 'shop_change_stream'`;
    expect(row!.n).toBe(1);
  });

  it('loses and doubles nothing when the publisher is SIGKILLed mid-burst, in the middle of a large transaction', async () => {
    const burst = writeBurst('CS1', 40);
    // About 20,000 events in one transaction: the kill lands while it is being published.
    await writeDb`
      insert into product_tags (product_id, tag)
      select p.id, 'bulk-' || g from (select id from products order by id limit 400) p,
        generate_series(1, ceil(20000.0 / (select least(count(*), 400) from products))::int) g`;
    await sleep(700);
    await publisher.kill();
    await sleep(300);
    publisher.output.length = 0;
    publisher.start();
    const resumed = () => /"after":"([^"]+)"[^}]*"msg":"publishing changes"/.exec(publisher.output.join(''))?.[1];
    await waitFor('the publisher to resume', async () => resumed() !== undefined, 30_000, 50);
    await burst.run;
    // Where it resumed, for the record: inside the large transaction when the kill landed there.
    process.stdout.write(`publisher resumed after ${resumed()}\n`);
    await writeDb`delete from product_tags where tag like 'bulk-%'`;
    const models = await expectConverged(env, workers[1]!, 120_000);
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('CS1-'))).toHaveLength(40);
  });

  it('loses and doubles nothing when a worker is SIGKILLed mid-burst', async () => {
    const burst = writeBurst('CS2', 40);
    await sleep(1200);
    await workers[0]!.kill();
    await sleep(500);
    workers[0]!.start();
    await burst.run;
    const models = await expectConverged(env, workers[1]!, 120_000);
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('CS2-'))).toHaveLength(40);
    expect(workers[0]!.output.join('')).toMatch(/streaming from the change stream/);
  });

  it('loses and doubles nothing when NATS is restarted mid-burst', async () => {
    const burst = writeBurst('CS3', 40);
    await sleep(1200);
    await nats.stop();
    await sleep(700);
    nats = await startNats({ dataDir: natsDir, port: natsPort });
    await client.close().catch(() => {});
    client = await connect({ servers: nats.url });
    jsm = await jetstreamManager(client);
    await burst.run;
    const models = await expectConverged(env, workers[1]!, 120_000);
    expect(models.sql.product_summaries!.actual.filter((p) => String(p.sku).startsWith('CS3-'))).toHaveLength(40);
    expect(publisher.output.join('')).toMatch(/publisher session failed; retrying/);
  });

  it('held each change once, each transaction whole and in order; an outside consumer saw every domain event once, in order per aggregate', async () => {
    const messages = await readStream(fromSeq + 1);
    const seen = new Map<string, Read>();
    const twice = messages.filter((m) => {
      const key = `${m.commitLsn}#${m.order}`;
      const first = seen.get(key);
      seen.set(key, m);
      return first !== undefined;
    });
    expect(twice.map((m) => `${m.seq} ${m.subject} ${m.kind} ${m.commitLsn}#${m.order}`)).toEqual([]);
    let open: Read | undefined;
    let events = 0;
    for (const m of messages) {
      if (m.kind === 'begin') {
        expect(open, `a BEGIN at ${m.seq} inside ${open?.commitLsn}`).toBeUndefined();
        open = m;
        events = 0;
      } else if (m.kind === 'change') {
        expect(m.commitLsn).toBe(open?.commitLsn);
        events += 1;
      } else if (m.kind === 'end') {
        expect(m.commitLsn).toBe(open?.commitLsn);
        expect((m.body as TransactionMarker).event_count).toBe(events);
        open = undefined;
      }
    }
    const domain = messages.filter((m) => m.kind === 'event').map((m) => m.body as OutboxEvent);
    const firstId = Math.min(...domain.map((e) => Number(e.id)));
    const journal = await writeDb<{ id: string; event_type: string }[]>`
      select j.id::text as id, j.event_type from journal j where j.id >= ${firstId} order by j.id`;
    const numeric = (ids: string[]) => ids.map(Number).sort((a, b) => a - b);
    expect(numeric(domain.map((e) => e.id))).toEqual(numeric(journal.map((j) => j.id)));
    const types = new Map(journal.map((j) => [j.id, j.event_type]));
    expect(domain.filter((e) => types.get(e.id) !== e.type)).toEqual([]);
    // In stream order, each aggregate's events come in the order of its versions.
    const versions = new Map<string, number[]>();
    for (const e of domain) versions.set(`${e.aggregatetype}/${e.aggregateid}`, [...(versions.get(`${e.aggregatetype}/${e.aggregateid}`) ?? []), e.aggregateversion]);
    for (const [aggregate, seen] of versions) expect(seen, aggregate).toEqual([...seen].sort((a, b) => a - b));
    expect(domain.some((e) => e.type === 'ProductCreated' && e.schemaVersion === 2)).toBe(true);
    // The large transaction is in the stream once, whole.
    const large = messages.filter((m) => m.kind === 'end' && (m.body as TransactionMarker).event_count! >= 10_000);
    expect(large.length).toBeGreaterThanOrEqual(2);
  });
});

/** Commands and raw SQL on one catalog while the test kills things. */
function writeBurst(tag: string, count: number) {
  const rnd = random(count);
  const ids: string[] = [];
  const run = (async () => {
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: `${tag}${Date.now() % 100000}`, name: `${tag} depot` });
    const customer = await admin.customers.register.mutate({ email: `${tag.toLowerCase()}-${Date.now()}@example.com`, name: `${tag} customer` });
    for (let i = 0; i < count; i++) {
      const p = await admin.catalog.createProduct.mutate({ sku: `${tag}-${i}`, name: `${tag} item ${i}`, priceCents: 100 + i, currency: 'EUR', tags: ['stream'] });
      ids.push(p.id);
      await admin.inventory.adjustStock.mutate({ productId: p.id, warehouseId: warehouse.id, delta: 10, reason: 'stream test' });
      const pick = () => ids[Math.floor(rnd() * ids.length)]!;
      if (i % 3 === 1) await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: pick(), quantity: 1 }] }).catch(() => undefined);
      if (i % 4 === 2) await writeDb`update products set price_cents = price_cents + 1, version = version + 1, updated_at = now() where id = ${pick()}`;
      if (i % 9 === 4) await writeDb`delete from product_tags where product_id = ${pick()}`;
      await sleep(20);
    }
  })();
  return { run };
}

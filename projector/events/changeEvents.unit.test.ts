import { describe, expect, it } from 'vitest';
import type { TruncateMessage } from '../source/wal2json';
import { EventCounter, SOURCE_VERSION, beginMarker, endMarker, snapshotEvent, toChangeEvent, transactionId, type TxContext } from './changeEvents';
import { PRODUCT, WAREHOUSE, walRecord } from './testRecords';
import { UNAVAILABLE } from './envelope';

const CATEGORY = '0e8a7b6c-5d4e-4f3a-9b2c-1d0e9f8a7b6c';
const NOW = 1_796_000_000_000;
const now = () => NOW;

const tx: TxContext = { xid: 753, commitLsn: '0/1E4B518', commitTsMs: 1_796_196_682_459, totalOrder: 3, collectionOrder: 2, db: 'shop', name: 'shop' };

const record = walRecord;

const productRow = {
  id: PRODUCT,
  sku: 'PRB-1',
  name: 'Probe lamp',
  description: 'A lamp for probing.',
  brand: 'Lumen',
  category_id: CATEGORY,
  price_cents: 1999,
  currency: 'EUR',
  status: 'active',
  version: 1,
  created_at: '2026-12-02 07:31:22.45944+00',
  updated_at: '2026-12-02 07:31:22.45944+00',
};

describe('toChangeEvent', () => {
  it('an insert is op c with the row as after and nothing before', () => {
    const event = toChangeEvent(record('I', 'products', productRow), tx, now);
    expect(event).toEqual({
      before: null,
      after: productRow,
      op: 'c',
      source: {
        version: SOURCE_VERSION,
        connector: 'postgresql',
        name: 'shop',
        ts_ms: tx.commitTsMs,
        snapshot: 'false',
        db: 'shop',
        schema: 'public',
        table: 'products',
        txId: 753,
        lsn: '0/1E4B1F8',
      },
      ts_ms: NOW,
      transaction: { id: '753:0/1E4B518', total_order: 3, data_collection_order: 2 },
    });
  });

  it('an update marks each column wal2json left out (an unchanged TOASTed value) as unavailable, never null', () => {
    const { description: _omitted, ...withoutDescription } = productRow;
    const event = toChangeEvent(record('U', 'products', { ...withoutDescription, price_cents: 2499 }), tx, now);
    expect(event.op).toBe('u');
    expect(event.before).toBeNull();
    expect(event.after).toEqual({ ...productRow, price_cents: 2499, description: UNAVAILABLE });
    expect(Object.keys(event.after!)).toEqual(Object.keys(productRow));
  });

  it('an update that changed the key carries the old key in before', () => {
    const event = toChangeEvent(
      record('U', 'stock_levels', { product_id: PRODUCT, warehouse_id: WAREHOUSE, quantity: 4, version: 2, updated_at: '2026-12-02 07:31:22.45944+00' }, { product_id: PRODUCT, warehouse_id: 'old-warehouse' }),
      tx,
      now,
    );
    expect(event.before).toEqual({ product_id: PRODUCT, warehouse_id: 'old-warehouse' });
    expect(event.after).toMatchObject({ warehouse_id: WAREHOUSE, quantity: 4 });
  });

  it('a delete carries the key in before and nothing after', () => {
    const event = toChangeEvent(record('D', 'stock_levels', undefined, { product_id: PRODUCT, warehouse_id: WAREHOUSE }), tx, now);
    expect(event).toMatchObject({ op: 'd', before: { product_id: PRODUCT, warehouse_id: WAREHOUSE }, after: null });
  });

  it('a truncate has no images', () => {
    const truncate: TruncateMessage = { action: 'T', xid: 753, lsn: '0/1E4B300', schema: 'public', table: 'product_tags' };
    const event = toChangeEvent(truncate, tx, now);
    expect(event).toMatchObject({ op: 't', before: null, after: null, source: { table: 'product_tags', lsn: '0/1E4B300' } });
  });

  it('passes the columns of a table it does not know as they come, with nothing invented', () => {
    const event = toChangeEvent(record('U', 'sessions', { token_hash: 'ab12', user_id: PRODUCT }), tx, now);
    expect(event.after).toEqual({ token_hash: 'ab12', user_id: PRODUCT });
  });

  it('a column the schema does not know yet (a newer migration) is kept', () => {
    const event = toChangeEvent(record('U', 'categories', { id: CATEGORY, name: 'Lamps', slug: 'lamps' }), tx, now);
    expect(event.after).toMatchObject({ id: CATEGORY, name: 'Lamps', slug: 'lamps', parent_id: UNAVAILABLE });
  });

  it('password hashes never leave the database, whatever the op', () => {
    const credentials = { user_id: PRODUCT, password_hash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', updated_at: '2026-12-02 07:31:22+00' };
    const events = [
      toChangeEvent(record('I', 'staff_credentials', credentials), tx, now),
      toChangeEvent(record('U', 'staff_credentials', credentials, { user_id: 'old', password_hash: 'old-hash' }), tx, now),
      toChangeEvent(record('D', 'staff_credentials', undefined, { user_id: PRODUCT, password_hash: 'old-hash' }), tx, now),
      snapshotEvent('staff_credentials', credentials, { consistentPoint: '0/1E00000', tsMs: NOW, totalOrder: 1, collectionOrder: 1, db: 'shop', name: 'shop', last: true }),
    ];
    for (const event of events) expect(JSON.stringify(event)).not.toContain('password_hash');
    expect(events[0]!.after).toEqual({ user_id: PRODUCT, updated_at: '2026-12-02 07:31:22+00' });
  });

  it('without an xid or a record LSN the ids still say so', () => {
    const { lsn: _lsn, ...withoutLsn } = record('I', 'products', productRow);
    const event = toChangeEvent(withoutLsn, { ...tx, xid: undefined }, now);
    expect(event.source).toMatchObject({ txId: null, lsn: null });
    expect(event.transaction!.id).toBe('unknown:0/1E4B518');
  });
});

describe('snapshotEvent', () => {
  const ctx = { consistentPoint: '0/1E00000', tsMs: 1_796_196_000_000, totalOrder: 7, collectionOrder: 7, db: 'shop', name: 'shop', last: false };

  it('is op r, read at the consistent point, outside any transaction', () => {
    const event = snapshotEvent('products', productRow, ctx, now);
    expect(event).toEqual({
      before: null,
      after: productRow,
      op: 'r',
      source: { version: SOURCE_VERSION, connector: 'postgresql', name: 'shop', ts_ms: ctx.tsMs, snapshot: 'true', db: 'shop', schema: 'public', table: 'products', txId: null, lsn: '0/1E00000' },
      ts_ms: NOW,
      transaction: { id: 'snapshot:0/1E00000', total_order: 7, data_collection_order: 7 },
    });
  });

  it("marks the snapshot's last row", () => {
    expect(snapshotEvent('products', productRow, { ...ctx, last: true }).source.snapshot).toBe('last');
  });
});

describe('transaction metadata', () => {
  it('numbers events in the transaction and per table, and counts them for END', () => {
    const counter = new EventCounter();
    expect(counter.next('products')).toEqual({ totalOrder: 1, collectionOrder: 1 });
    expect(counter.next('product_tags')).toEqual({ totalOrder: 2, collectionOrder: 1 });
    expect(counter.next('product_tags')).toEqual({ totalOrder: 3, collectionOrder: 2 });
    expect(counter.next('products')).toEqual({ totalOrder: 4, collectionOrder: 2 });
    expect(counter.next('journal')).toEqual({ totalOrder: 5, collectionOrder: 1 });
    expect(counter.eventCount).toBe(5);
    const id = transactionId(753, '0/1E4B518');
    expect(endMarker(id, 1000, counter.counts())).toEqual({
      status: 'END',
      id: '753:0/1E4B518',
      ts_ms: 1000,
      event_count: 5,
      data_collections: [
        { data_collection: 'public.products', event_count: 2 },
        { data_collection: 'public.product_tags', event_count: 2 },
        { data_collection: 'public.journal', event_count: 1 },
      ],
    });
  });

  it('BEGIN carries no counts; an empty transaction ends with none', () => {
    expect(beginMarker('753:0/1E4B518', 1000)).toEqual({ status: 'BEGIN', id: '753:0/1E4B518', ts_ms: 1000, event_count: null, data_collections: null });
    expect(endMarker('753:0/1E4B518', 1000, new EventCounter().counts())).toMatchObject({ event_count: 0, data_collections: [] });
  });
});

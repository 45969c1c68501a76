import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { PROJECTED_TABLES } from '@/db/write/schema';
import { EventCounter, beginMarker, endMarker, snapshotEvent, toChangeEvent, type TxContext } from './changeEvents';
import { PRODUCT, WAREHOUSE, walRecord } from './testRecords';
import { UNAVAILABLE, type ChangeEvent } from './envelope';
import { CHANGE_EVENT_SCHEMAS, OUTBOX_EVENT_SCHEMA, TRANSACTION_MARKER_SCHEMA, type JsonSchema } from './jsonSchemas';
import { outboxEvent } from './outbox';

/**
 * ajv 6 is installed (for eslint) and validates draft-07; the schemas use no keyword whose
 * meaning 2020-12 changed, so it checks them as written once told not to look up the meta-schema.
 */
const ajv = new Ajv({ validateSchema: false, allErrors: true });
const validator = (schema: JsonSchema) => ajv.compile(schema);
const changeValidators = Object.fromEntries(PROJECTED_TABLES.map((t) => [t, validator(CHANGE_EVENT_SCHEMAS[t])]));
const isValidChange = (event: ChangeEvent) => {
  const validate = changeValidators[event.source.table]!;
  return validate(event) ? true : validate.errors;
};

const tx: TxContext = { xid: 753, commitLsn: '0/1E4B518', commitTsMs: 1_796_196_682_459, totalOrder: 1, collectionOrder: 1, db: 'shop', name: 'shop' };
const record = walRecord;

const product = {
  id: PRODUCT,
  sku: 'PRB-1',
  name: 'Probe lamp',
  description: 'A lamp for probing.',
  brand: null,
  category_id: null,
  price_cents: 1999,
  currency: 'EUR',
  status: 'active',
  version: 1,
  created_at: '2026-12-02 07:31:22.45944+00',
  updated_at: '2026-12-02 07:31:22.45944+00',
};
const stock = { product_id: PRODUCT, warehouse_id: WAREHOUSE, quantity: 4, version: 2, updated_at: '2026-12-02 07:31:22.45944+00' };
const { description: _toasted, ...productWithoutDescription } = product;

describe('JSON Schemas', () => {
  it('accept the events the builders make, for every op', () => {
    const events = [
      toChangeEvent(record('I', 'products', product), tx),
      toChangeEvent(record('U', 'products', { ...productWithoutDescription, price_cents: 2499 }), tx),
      toChangeEvent(record('U', 'stock_levels', stock, { product_id: PRODUCT, warehouse_id: '00000000-0000-4000-8000-000000000001' }), tx),
      toChangeEvent(record('D', 'stock_levels', undefined, { product_id: PRODUCT, warehouse_id: WAREHOUSE }), tx),
      toChangeEvent({ action: 'T', schema: 'public', table: 'product_tags' }, tx),
      snapshotEvent('products', product, { consistentPoint: '0/1E00000', tsMs: 1, totalOrder: 1, collectionOrder: 1, db: 'shop', name: 'shop', last: true }),
    ];
    expect(events[1]!.after!.description).toBe(UNAVAILABLE);
    for (const event of events) expect(isValidChange(event), event.op).toBe(true);
  });

  it('refuse a placeholder where no update left a value out, or in a key', () => {
    // (In a text column the placeholder is text like any other; an integer column shows it.)
    expect(isValidChange(toChangeEvent(record('U', 'products', { ...product, price_cents: UNAVAILABLE }), tx))).toBe(true);
    expect(isValidChange(toChangeEvent(record('I', 'products', { ...product, price_cents: UNAVAILABLE }), tx))).not.toBe(true);
    expect(isValidChange(toChangeEvent(record('U', 'stock_levels', { ...stock, product_id: UNAVAILABLE }), tx))).not.toBe(true);
  });

  it('refuse an insert missing a column, a column the table lacks, a wrong type and a delete without its key', () => {
    expect(isValidChange(toChangeEvent(record('I', 'products', productWithoutDescription), tx))).not.toBe(true);
    expect(isValidChange(toChangeEvent(record('I', 'users', { id: PRODUCT, email: 'a@b.c', name: 'A', role: 'admin', created_at: 'x', password_hash: 'h' }), tx))).not.toBe(true);
    expect(isValidChange(toChangeEvent(record('I', 'stock_levels', { ...stock, quantity: '4' }), tx))).not.toBe(true);
    expect(isValidChange(toChangeEvent(record('D', 'stock_levels', undefined, { product_id: PRODUCT }), tx))).not.toBe(true);
  });

  it('accept the transaction markers and refuse counts on BEGIN', () => {
    const validate = validator(TRANSACTION_MARKER_SCHEMA);
    const counter = new EventCounter();
    counter.next('products');
    expect(validate(beginMarker('753:0/1E4B518', 1))).toBe(true);
    expect(validate(endMarker('753:0/1E4B518', 1, counter.counts()))).toBe(true);
    expect(validate({ ...beginMarker('753:0/1E4B518', 1), event_count: 3 })).toBe(false);
  });

  it('accept outbox events', () => {
    const validate = validator(OUTBOX_EVENT_SCHEMA);
    const event = outboxEvent(
      {
        id: 42,
        command_id: null,
        command: 'inventory.adjustStock',
        aggregate_type: 'stock_level',
        aggregate_id: `${PRODUCT}:${WAREHOUSE}`,
        aggregate_version: 2,
        actor_id: null,
        event_type: 'StockAdjusted',
        schema_version: 1,
        payload: '{"delta": -2}',
        result: '{}',
        recorded_at: '2026-12-02 07:31:22.45944+00',
      },
      { txId: 753, lsn: '0/1E4B1F8', commitLsn: '0/1E4B518' },
    );
    expect(validate(event) ? true : validate.errors).toBe(true);
  });

  it('require every column of a table in its row, and its primary key in before', () => {
    const defs = CHANGE_EVENT_SCHEMAS.order_lines.$defs as Record<'row' | 'key', { required: string[] }>;
    expect(defs.row.required).toEqual(['order_id', 'line_no', 'product_id', 'quantity', 'unit_price_cents']);
    expect(defs.key.required).toEqual(['order_id', 'line_no']);
  });
});

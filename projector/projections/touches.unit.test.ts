import { describe, expect, it } from 'vitest';
import { snapshotEvent, toChangeEvent, type TxContext } from '../events/changeEvents';
import { UNAVAILABLE } from '../events/envelope';
import type { RowMessage, TruncateMessage } from '../source/wal2json';
import { addEvent, emptyTouches, mergeTouches, touchesAnything, type Touches } from './touches';

const row = (action: RowMessage['action'], table: string, columns?: Record<string, unknown>, identity?: Record<string, unknown>): RowMessage => ({
  action,
  schema: 'public',
  table,
  ...(columns && { columns: Object.entries(columns).map(([name, value]) => ({ name, value })) }),
  ...(identity && { identity: Object.entries(identity).map(([name, value]) => ({ name, value })) }),
});

const tx: TxContext = { xid: 7, commitLsn: '0/1E4B518', commitTsMs: 0, totalOrder: 1, collectionOrder: 1, db: 'shop', name: 'shop' };
/** `addEvent` on the event built from the record: the way the stream folds changes. */
const addBuiltEvent = (t: Touches, change: RowMessage | TruncateMessage) => addEvent(t, toChangeEvent(change, tx));

describe.each([['addEvent', addBuiltEvent]])('touches (%s)', (_name, fold) => {
  it('maps each projected table to the keys it alters', () => {
    const t = emptyTouches();
    fold(t, row('I', 'products', { id: 'p1', name: 'x' }));
    fold(t, row('I', 'product_tags', { product_id: 'p2', tag: 'a' }));
    fold(t, row('U', 'stock_levels', { product_id: 'p3', warehouse_id: 'w1', quantity: 4 }));
    fold(t, row('U', 'categories', { id: 'c1', name: 'Shoes' }));
    fold(t, row('I', 'orders', { id: 'o1', customer_id: 'cu1' }));
    fold(t, row('I', 'order_lines', { order_id: 'o2', line_no: 1, product_id: 'p9' }));
    fold(t, row('I', 'customers', { id: 'cu2' }));
    fold(t, row('I', 'journal', { id: 42 }));
    fold(t, row('I', 'projector_requests', { id: 'r1', kind: 'rebuild' }));
    expect([...t.keys.product]).toEqual(['p1', 'p2', 'p3']);
    expect([...t.keys.category]).toEqual(['c1']);
    expect([...t.keys.order]).toEqual(['o1', 'o2']);
    // An order's customer is found through the order, so placing an order does not recompute all of the customer's orders.
    expect([...t.keys.customer]).toEqual(['cu2']);
    expect([...t.keys.journal]).toEqual(['42']);
    expect([...t.keys.request]).toEqual(['r1']);
    expect(t.changeCount).toBe(9);
    expect([...t.tables].sort()).toContain('stock_levels');
  });

  it('reads deletes by their identity and key changes by both images', () => {
    const t = emptyTouches();
    fold(t, row('D', 'product_tags', undefined, { product_id: 'p3', tag: 'a' }));
    fold(t, row('U', 'products', { id: 'new' }, { id: 'old' }));
    expect([...t.keys.product].sort()).toEqual(['new', 'old', 'p3']);
  });

  it('an update that omits TOASTed columns still touches its key', () => {
    const t = emptyTouches();
    fold(t, row('U', 'products', { id: 'p1', price_cents: 5 }));
    expect([...t.keys.product]).toEqual(['p1']);
  });

  it('records the tables that had rows inserted or deleted, not only updated', () => {
    const t = emptyTouches();
    fold(t, row('U', 'products', { id: 'p1', category_id: 'c1', price_cents: 5 }));
    fold(t, row('U', 'products', { id: 'p1', category_id: 'c2' }));
    fold(t, row('U', 'products', { id: 'p2', category_id: null }));
    fold(t, row('U', 'products', { id: 'p3', price_cents: 7 }));
    fold(t, row('U', 'stock_levels', { product_id: 'p4', warehouse_id: 'w1', quantity: 1 }));
    expect(t.rowsAddedOrRemoved.size).toBe(0);
    fold(t, row('D', 'products', undefined, { id: 'p5' }));
    fold(t, row('I', 'order_lines', { order_id: 'o1', line_no: 1, product_id: 'p1' }));
    expect([...t.rowsAddedOrRemoved].sort()).toEqual(['order_lines', 'products']);
    const merged = emptyTouches();
    mergeTouches(merged, t);
    expect(merged.rowsAddedOrRemoved.has('products')).toBe(true);
  });

  it('a truncate asks for a full recompute; an unknown table touches nothing', () => {
    const t = emptyTouches();
    fold(t, row('I', 'sessions', { token_hash: 'x' }));
    expect(touchesAnything(t)).toBe(false);
    fold(t, { action: 'T', schema: 'public', table: 'products' });
    expect(t.everything).toBe(true);
    expect(touchesAnything(t)).toBe(true);
  });

  it('merging keeps distinct keys only and adds up the change counts', () => {
    const a = emptyTouches();
    const b = emptyTouches();
    fold(a, row('U', 'products', { id: 'p1' }));
    fold(b, row('U', 'products', { id: 'p1' }));
    fold(b, row('U', 'orders', { id: 'o1' }));
    mergeTouches(a, b);
    expect([...a.keys.product]).toEqual(['p1']);
    expect([...a.keys.order]).toEqual(['o1']);
    expect(a.changeCount).toBe(3);
  });
});

describe('addEvent', () => {
  it('keeps what an order counts towards from its own row images: its lines\' products, its customer, its day', () => {
    const t = emptyTouches();
    addBuiltEvent(t, row('I', 'orders', { id: 'o1', customer_id: 'cu1', placed_at: '2026-12-02 07:31:22.45+00' }));
    addBuiltEvent(t, row('I', 'order_lines', { order_id: 'o1', line_no: 1, product_id: 'p9' }));
    addBuiltEvent(t, row('D', 'orders', undefined, { id: 'o1' }));
    expect([...t.keys.order]).toEqual(['o1']);
    expect([...t.keys.orderedProduct]).toEqual(['p9']);
    expect([...t.keys.orderCustomer]).toEqual(['cu1']);
    expect([...t.keys.orderPlacedAt]).toEqual(['2026-12-02 07:31:22.45+00']);
    // The customer's own key stays for changes to the customer (an order's customer recomputes only the customer's summary).
    expect(t.keys.customer.size).toBe(0);
  });

  it('never takes the placeholder of a value an update left out for a key', () => {
    const t = emptyTouches();
    const event = toChangeEvent(row('U', 'order_lines', { line_no: 1, quantity: 2 }), tx);
    expect(event.after!.order_id).toBe(UNAVAILABLE);
    addEvent(t, event);
    expect(t.keys.order.size).toBe(0);
  });

  it('counts a row a snapshot read as a row added', () => {
    const t = emptyTouches();
    addEvent(t, snapshotEvent('products', { id: 'p1' }, { consistentPoint: '0/1', tsMs: 0, totalOrder: 1, collectionOrder: 1, db: 'shop', name: 'shop', last: true }));
    expect([...t.keys.product]).toEqual(['p1']);
    expect([...t.rowsAddedOrRemoved]).toEqual(['products']);
  });
});

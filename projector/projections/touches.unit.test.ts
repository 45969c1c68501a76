import { describe, expect, it } from 'vitest';
import type { SourceTransaction } from '../source/transactions';
import type { RowMessage } from '../source/wal2json';
import { addTransaction, emptyTouches } from './touches';

const txn = (...changes: SourceTransaction['changes']): SourceTransaction => ({
  xid: 1,
  commitLsn: '0/10',
  commitTime: new Date(0),
  changes,
});
const row = (action: RowMessage['action'], table: string, columns?: Record<string, unknown>, identity?: Record<string, unknown>): RowMessage => ({
  action,
  schema: 'public',
  table,
  ...(columns && { columns: Object.entries(columns).map(([name, value]) => ({ name, value })) }),
  ...(identity && { identity: Object.entries(identity).map(([name, value]) => ({ name, value })) }),
});

describe('touches', () => {
  it('maps product, tag and category changes to the keys they alter', () => {
    const t = emptyTouches();
    addTransaction(t, txn(row('I', 'products', { id: 'p1', name: 'x' }), row('I', 'product_tags', { product_id: 'p2', tag: 'a' })));
    addTransaction(t, txn(row('U', 'categories', { id: 'c1', name: 'Shoes' })));
    expect([...t.productIds]).toEqual(['p1', 'p2']);
    expect([...t.categoryIds]).toEqual(['c1']);
    expect(t.categoryTree).toBe(true);
    expect(t.changeCount).toBe(3);
  });

  it('reads deletes by their identity and key changes by both images', () => {
    const t = emptyTouches();
    addTransaction(t, txn(row('D', 'product_tags', undefined, { product_id: 'p3', tag: 'a' }), row('U', 'products', { id: 'new' }, { id: 'old' })));
    expect([...t.productIds].sort()).toEqual(['new', 'old', 'p3']);
  });

  it('an update that omits TOASTed columns still touches its key', () => {
    const t = emptyTouches();
    addTransaction(t, txn(row('U', 'products', { id: 'p1', price_cents: 5 })));
    expect([...t.productIds]).toEqual(['p1']);
  });

  it('a truncate asks for a full recompute; a journal row alone touches no product', () => {
    const t = emptyTouches();
    addTransaction(t, txn(row('I', 'journal', { id: 1 })));
    expect(t.productIds.size + t.categoryIds.size).toBe(0);
    expect(t.categoryTree).toBe(false);
    addTransaction(t, txn({ action: 'T', schema: 'public', table: 'products' }));
    expect(t.allProducts).toBe(true);
  });
});

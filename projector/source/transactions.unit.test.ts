import { describe, expect, it } from 'vitest';
import { TransactionAssembler } from './transactions';
import { parsePgTimestamp } from './wal2json';

describe('TransactionAssembler', () => {
  it('emits a transaction at its commit with the commit end LSN and time', () => {
    const a = new TransactionAssembler();
    expect(a.push('0/10', { action: 'B', xid: 7, lsn: '0/40', nextlsn: '0/70' })).toBeUndefined();
    expect(a.inTransaction).toBe(true);
    a.push('0/20', { action: 'I', xid: 7, schema: 'public', table: 'products', columns: [{ name: 'id', value: 'p1' }] });
    a.push('0/30', { action: 'D', xid: 7, schema: 'public', table: 'products', identity: [{ name: 'id', value: 'p2' }] });
    const txn = a.push('0/70', { action: 'C', xid: 7, lsn: '0/40', nextlsn: '0/70', timestamp: '2026-11-23 08:44:09.56085+00' });
    expect(txn).toMatchObject({ xid: 7, commitLsn: '0/70', commitTime: new Date('2026-11-23T08:44:09.560Z') });
    expect([...(txn?.touches.keys.product ?? [])]).toEqual(['p1', 'p2']);
    expect(txn?.touches.changeCount).toBe(2);
    expect(a.inTransaction).toBe(false);
  });

  it('emits empty transactions too, so quiet periods still advance', () => {
    const a = new TransactionAssembler();
    a.push('0/10', { action: 'B', xid: 8 });
    expect(a.push('0/20', { action: 'C', xid: 8, nextlsn: '0/20' })?.touches.changeCount).toBe(0);
  });

  it('refuses records outside a transaction', () => {
    const a = new TransactionAssembler();
    expect(() => a.push('0/10', { action: 'I', schema: 'public', table: 't' })).toThrow(/outside a transaction/);
    expect(() => a.push('0/10', { action: 'C' })).toThrow(/without a begin/);
  });
});

describe('parsePgTimestamp', () => {
  it('reads Postgres text timestamps with short and long offsets', () => {
    expect(parsePgTimestamp('2026-01-02 03:04:05.5+00').toISOString()).toBe('2026-01-02T03:04:05.500Z');
    expect(parsePgTimestamp('2026-01-02 03:04:05+05:30').toISOString()).toBe('2026-01-01T21:34:05.000Z');
    expect(() => parsePgTimestamp('yesterday')).toThrow(/cannot parse/);
  });
});

import { describe, expect, it } from 'vitest';
import { TransactionAssembler } from './transactions';
import { parsePgTimestamp, parseWal2Json } from './wal2json';

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

  it('never throws on records out of place: their transaction recomputes everything, and each is reported', () => {
    const reported: string[] = [];
    const a = new TransactionAssembler((_lsn, r) => reported.push(r.reason));
    expect(a.push('0/10', { action: 'C' })).toBeUndefined();
    a.push('0/20', { action: 'I', schema: 'public', table: 'products', columns: [{ name: 'id', value: 'p1' }] });
    const txn = a.push('0/30', { action: 'C', nextlsn: '0/38' });
    expect(txn?.touches.everything).toBe(true);
    expect(txn?.touches.keys.product.has('p1')).toBe(true);
    expect(reported).toEqual([expect.stringMatching(/without a begin/), expect.stringMatching(/outside a transaction/)]);
  });

  it('closes a transaction whose commit it never read when the next begins, after the last commit it emitted', () => {
    const a = new TransactionAssembler();
    a.push('0/10', { action: 'B', xid: 1 });
    expect(a.push('0/80', { action: 'C', nextlsn: '0/80' })?.commitLsn).toBe('0/80');
    a.push('0/90', { action: 'B', xid: 2 });
    a.push('0/A0', { action: '?', reason: 'not JSON', raw: '{' });
    const closed = a.push('0/50', { action: 'B', xid: 3 });
    expect(closed).toMatchObject({ xid: 2, commitLsn: '0/81' });
    expect(closed?.touches.everything).toBe(true);
    expect(a.push('0/C0', { action: 'C', nextlsn: '0/C8' })).toMatchObject({ xid: 3, commitLsn: '0/C8' });
  });

  it('an unreadable record makes its transaction recompute every read row (a change it cannot see into)', () => {
    const a = new TransactionAssembler();
    a.push('0/10', { action: 'B', xid: 4 });
    a.push('0/20', parseWal2Json(Buffer.from('{"action":"I","table":"products","columns":[{"name":"price","value":NaN}]}')));
    const txn = a.push('0/30', { action: 'C', nextlsn: '0/30', timestamp: 'not a time' });
    expect(txn?.touches.everything).toBe(true);
    expect(txn?.commitTime).toBeInstanceOf(Date);
  });
});

describe('parseWal2Json', () => {
  it('reads wal2json records and turns what it cannot read into an unreadable record instead of throwing', () => {
    expect(parseWal2Json(Buffer.from('{"action":"B","xid":5}'))).toEqual({ action: 'B', xid: 5 });
    expect(parseWal2Json(Buffer.from('{"action":"I","sch'))).toMatchObject({ action: '?', reason: expect.stringMatching(/not JSON/) });
    expect(parseWal2Json(Buffer.from('[1,2]'))).toMatchObject({ action: '?', reason: 'not a JSON object' });
    expect(parseWal2Json(Buffer.from('{"action":"X"}'))).toMatchObject({ action: '?', reason: 'unknown action "X"' });
    expect(parseWal2Json(Buffer.from('{"action":"U"}'))).toMatchObject({ action: '?', reason: 'U record without a table' });
    expect(parseWal2Json(Buffer.from(`{"action":"${'x'.repeat(2000)}`))).toMatchObject({ raw: expect.stringMatching(/^.{1,500}$/) });
  });
});

describe('parsePgTimestamp', () => {
  it('reads Postgres text timestamps with short and long offsets', () => {
    expect(parsePgTimestamp('2026-01-02 03:04:05.5+00').toISOString()).toBe('2026-01-02T03:04:05.500Z');
    expect(parsePgTimestamp('2026-01-02 03:04:05+05:30').toISOString()).toBe('2026-01-01T21:34:05.000Z');
    expect(() => parsePgTimestamp('yesterday')).toThrow(/cannot parse/);
  });
});

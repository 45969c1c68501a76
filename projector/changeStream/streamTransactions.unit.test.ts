import { headers } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { beginMarker, endMarker, toChangeEvent } from '../events/changeEvents';
import { messageHeaders, type MessageKind } from './jetstream';
import { StreamTransactionAssembler, type StreamRecord } from './streamTransactions';

const encoder = new TextEncoder();
let seq = 0;
const record = (kind: MessageKind, commitLsn: string, order: number, body: unknown, options: { snapshot?: boolean; unreadable?: number } = {}): StreamRecord => {
  const h = messageHeaders(kind, { commitLsn, order }, 7, options.snapshot);
  if (options.unreadable) h.set('Shop-Unreadable', String(options.unreadable));
  return { seq: ++seq, headers: h, data: encoder.encode(JSON.stringify(body)) };
};
const tx = (commitLsn: string, order: number) => ({ xid: 7, commitLsn, commitTsMs: 1_000, totalOrder: order, collectionOrder: order, db: 'shop', name: 'shop' });
const insert = (commitLsn: string, order: number, id: string) =>
  record('change', commitLsn, order * 2, toChangeEvent({ action: 'I', schema: 'public', table: 'products', columns: [{ name: 'id', value: id }] }, tx(commitLsn, order)));
const begin = (commitLsn: string, options = {}) => record('begin', commitLsn, 0, beginMarker(`7:${commitLsn}`, 1_000), options);
const end = (commitLsn: string, events: number, options = {}) => record('end', commitLsn, 2 * events + 2, endMarker(`7:${commitLsn}`, 1_000, new Map([['public.products', events]])), options);

describe('StreamTransactionAssembler', () => {
  it('hands on a transaction only at its END, whole, with the keys its events touched and the END sequence', () => {
    const a = new StreamTransactionAssembler();
    expect(a.push(begin('0/100'))).toBeUndefined();
    expect(a.push(insert('0/100', 1, 'p1'))).toBeUndefined();
    expect(a.push(insert('0/100', 2, 'p2'))).toBeUndefined();
    expect(a.inTransaction).toBe(true);
    const last = end('0/100', 2);
    const out = a.push(last);
    expect(out && 'transaction' in out && out.transaction).toMatchObject({ xid: 7, commitLsn: '0/100', streamSeq: last.seq, commitTime: new Date(1_000) });
    const touches = out && 'transaction' in out ? out.transaction.touches : undefined;
    expect([...touches!.keys.product]).toEqual(['p1', 'p2']);
    expect(touches!.everything).toBe(false);
  });

  it('drops a transaction that never ended when the next begins (it is sent again whole), and never applies half of one', () => {
    const reports: string[] = [];
    const a = new StreamTransactionAssembler((_seq, reason) => reports.push(reason));
    a.push(begin('0/100'));
    a.push(insert('0/100', 1, 'p1'));
    a.push(begin('0/100'));
    a.push(insert('0/100', 1, 'p1'));
    a.push(insert('0/100', 2, 'p2'));
    const out = a.push(end('0/100', 2));
    expect(out && 'transaction' in out && out.transaction.touches.changeCount).toBe(2);
    expect(reports).toEqual([expect.stringMatching(/never ended/)]);
  });

  it('recomputes everything for a transaction missing events, a snapshot, unreadable records, or after a stray change', () => {
    const everything = (records: StreamRecord[]) => {
      const a = new StreamTransactionAssembler();
      let out;
      for (const r of records) out = a.push(r) ?? out;
      return out && 'transaction' in out ? out.transaction.touches.everything : undefined;
    };
    expect(everything([begin('0/200'), insert('0/200', 1, 'p1'), end('0/200', 2)])).toBe(true);
    expect(everything([begin('0/200', { snapshot: true }), insert('0/200', 1, 'p1'), end('0/200', 1, { snapshot: true })])).toBe(true);
    expect(everything([begin('0/200'), insert('0/200', 1, 'p1'), end('0/200', 1, { unreadable: 1 })])).toBe(true);
    expect(everything([insert('0/150', 1, 'p9'), begin('0/200'), insert('0/200', 1, 'p1'), end('0/200', 1)])).toBe(true);
    expect(everything([begin('0/200'), insert('0/200', 1, 'p1'), end('0/200', 1)])).toBe(false);
  });

  it('passes over the rest of a transaction it starts inside of, when told a recompute holds it', () => {
    const reports: string[] = [];
    const a = new StreamTransactionAssembler((_seq, reason) => reports.push(reason), true);
    expect(a.push(insert('0/500', 2, 'p1'))).toBeUndefined();
    expect(a.push(end('0/500', 2))).toBeUndefined();
    a.push(begin('0/600'));
    a.push(insert('0/600', 1, 'p2'));
    const out = a.push(end('0/600', 1));
    expect(out && 'transaction' in out && out.transaction.touches).toMatchObject({ everything: false, changeCount: 1 });
    expect(reports).toEqual([]);
  });

  it('reports a heartbeat between transactions as a quiet stretch, and ignores domain events and foreign messages', () => {
    const a = new StreamTransactionAssembler();
    expect(a.push(record('heartbeat', '0/300', 0, { lsn: '0/300' }))).toEqual({ quietUntil: '0/300' });
    expect(a.push(record('event', '0/300', 3, {}))).toBeUndefined();
    expect(a.push({ seq: ++seq, headers: headers(), data: encoder.encode('{}') })).toBeUndefined();
    a.push(begin('0/400'));
    expect(a.push(record('heartbeat', '0/300', 0, {}))).toBeUndefined();
  });
});

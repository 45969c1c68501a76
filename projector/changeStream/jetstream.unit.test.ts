import { describe, expect, it } from 'vitest';
import { alreadyPublished, messageHeaders, messageId, storedPosition, type StoredPosition } from './jetstream';

const tail = (kind: StoredPosition['kind'], commitLsn: string, order: number): StoredPosition => ({ seq: 9, kind, commitLsn, order, xid: 1, snapshot: false });

describe('positions in the stream', () => {
  it('skips what the stream already holds: earlier transactions, and the part of a cut transaction it stored', () => {
    const cut = tail('change', '0/200', 4);
    expect(alreadyPublished({ commitLsn: '0/100', order: 9 }, cut)).toBe(true);
    expect(alreadyPublished({ commitLsn: '0/200', order: 4 }, cut)).toBe(true);
    expect(alreadyPublished({ commitLsn: '0/200', order: 5 }, cut)).toBe(false);
    expect(alreadyPublished({ commitLsn: '0/300', order: 0 }, cut)).toBe(false);
    expect(alreadyPublished({ commitLsn: '0/200', order: 99 }, tail('end', '0/200', 6))).toBe(true);
    expect(alreadyPublished({ commitLsn: '0/200', order: 0 }, tail('heartbeat', '0/200', 0))).toBe(true);
    expect(alreadyPublished({ commitLsn: '0/1', order: 0 }, undefined)).toBe(false);
  });

  it('gives a message the same id each time it is sent, and reads its position back from its headers', () => {
    const position = { commitLsn: '0/1E4B518', order: 3 };
    expect(messageId(position, 'change')).toBe(messageId({ ...position }, 'change'));
    expect(messageId(position, 'heartbeat')).not.toBe(messageId(position, 'change'));
    expect(storedPosition({ seq: 5, header: messageHeaders('change', position, 42, true) })).toEqual({ seq: 5, kind: 'change', ...position, xid: 42, snapshot: true });
    expect(storedPosition({ seq: 5 })).toBeUndefined();
  });
});

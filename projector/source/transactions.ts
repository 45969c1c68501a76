import { bigIntToLsn, lsnToBigInt, maxLsn } from '@/lib/lsn';
import { EventCounter, beginMarker, endMarker, toChangeEvent, transactionId } from '../events/changeEvents';
import type { ChangeEvent, Position, TransactionMarker } from '../events/envelope';
import { addEvent, emptyTouches, type Touches } from '../projections/touches';
import { parsePgTimestamp, type RowMessage, type TruncateMessage, type UnreadableMessage, type Wal2JsonMessage } from './wal2json';

/** A committed source transaction, as the projections see it: the keys it touched. */
export interface SourceTransaction {
  xid: number | undefined;
  /** End of the commit record: the position to checkpoint and acknowledge once applied. */
  commitLsn: string;
  commitTime: Date;
  touches: Touches;
  /** The change stream's sequence of the transaction's END marker (a projector worker reading the stream). */
  streamSeq?: number;
}

/** What the assembler tells about records it could not read (they never stop the stream). */
export type UnreadableReport = (lsn: string, record: UnreadableMessage) => void;

/** The change events of one transaction, in order, framed by its markers (what the publisher writes). */
export type StreamMessage =
  | { kind: 'begin'; xid: number | undefined; position: Position; marker: TransactionMarker }
  | { kind: 'change'; xid: number | undefined; position: Position; event: ChangeEvent }
  | { kind: 'end'; xid: number | undefined; position: Position; marker: TransactionMarker; unreadable: number };

export interface AssemblerOptions {
  report?: UnreadableReport;
  /** Database name and logical server name for the events' `source`. */
  database?: string;
  serverName?: string;
  /** Receives every event and marker as it is built. */
  emit?: (message: StreamMessage) => void;
}

interface OpenTransaction {
  xid: number | undefined;
  touches: Touches;
  /** Known at the begin (wal2json's `nextlsn`); a transaction opened by a stray record learns it at its close. */
  commitLsn: string;
  commitTsMs: number;
  id: string;
  events: EventCounter;
  unreadable: number;
}

/**
 * Groups the stream's records into whole transactions (`B` … `C`), turning each change into
 * its change event (envelope.ts) and folding the event into the keys it touched, so a huge
 * transaction costs its distinct keys, not its row images. A transaction that was never
 * committed (stream cut mid-way) is never emitted.
 *
 * It never throws on what the stream sends: a record it cannot read, or one out of place
 * (a change outside `B` … `C`, a `B` inside an open transaction), makes the transaction
 * around it recompute every read row, which is correct whatever that record was.
 */
export class TransactionAssembler {
  private open: OpenTransaction | undefined;
  /** End of the last commit emitted: a transaction closed without its commit record must sort after it. */
  private lastCommit = '0/0';
  private readonly report: UnreadableReport;
  private readonly database: string;
  private readonly serverName: string;
  private readonly emit: ((message: StreamMessage) => void) | undefined;

  constructor(options: AssemblerOptions | UnreadableReport = {}) {
    const o = typeof options === 'function' ? { report: options } : options;
    this.report = o.report ?? (() => {});
    this.database = o.database ?? 'shop';
    this.serverName = o.serverName ?? 'shop';
    this.emit = o.emit;
  }

  get inTransaction(): boolean {
    return this.open !== undefined;
  }

  /** Feed one record with the LSN the stream gave it; returns the transaction it completes, if any. */
  push(lsn: string, message: Wal2JsonMessage): SourceTransaction | undefined {
    switch (message.action) {
      case 'B': {
        // The previous transaction's commit was never read: close it here, recomputing everything.
        const unclosed = this.open && this.closeUnread(lsn, `begin at ${lsn} inside an open transaction`);
        this.begin(message.xid, message.nextlsn ?? lsn, commitTime(message.timestamp).getTime());
        return unclosed;
      }
      case 'C': {
        if (!this.open) {
          this.report(lsn, { action: '?', reason: `commit at ${lsn} without a begin`, raw: JSON.stringify(message) });
          return undefined;
        }
        return this.close(message.nextlsn ?? lsn, commitTime(message.timestamp));
      }
      case 'I':
      case 'U':
      case 'D':
      case 'T':
        if (!this.open) this.openUnread(lsn, message, `${message.action} at ${lsn} outside a transaction`);
        this.change(message);
        return undefined;
      case 'M':
        return undefined;
      case '?':
        if (!this.open) this.openUnread(lsn, message, message.reason);
        else this.report(lsn, message);
        this.open!.touches.everything = true;
        this.open!.touches.changeCount += 1;
        this.open!.unreadable += 1;
        return undefined;
    }
  }

  private begin(xid: number | undefined, commitLsn: string, commitTsMs: number): void {
    const id = transactionId(xid, commitLsn);
    this.open = { xid, touches: emptyTouches(), commitLsn, commitTsMs, id, events: new EventCounter(), unreadable: 0 };
    this.emit?.({ kind: 'begin', xid, position: { commitLsn, order: 0 }, marker: beginMarker(id, commitTsMs) });
  }

  private change(record: RowMessage | TruncateMessage): void {
    const open = this.open!;
    const place = open.events.next(record.table, record.schema);
    const event = toChangeEvent(record, { xid: open.xid, commitLsn: open.commitLsn, commitTsMs: open.commitTsMs, ...place, db: this.database, name: this.serverName });
    addEvent(open.touches, event);
    this.emit?.({ kind: 'change', xid: open.xid, position: { commitLsn: open.commitLsn, order: place.totalOrder }, event });
  }

  private openUnread(lsn: string, message: Wal2JsonMessage, reason: string): void {
    this.report(lsn, { action: '?', reason, raw: JSON.stringify(message).slice(0, 500) });
    this.begin(message.xid, lsn, Date.now());
    this.open!.touches.everything = true;
    this.open!.unreadable += 1;
  }

  private closeUnread(lsn: string, reason: string): SourceTransaction {
    this.report(lsn, { action: '?', reason, raw: '' });
    this.open!.touches.everything = true;
    this.open!.unreadable += 1;
    // Past the previous commit, so it is never taken as already applied; at or before its own
    // unknown end, so a replay after a restart sends it again rather than skipping it.
    return this.close(maxLsn(lsn, bigIntToLsn(lsnToBigInt(this.lastCommit) + 1n)), new Date());
  }

  private close(commitLsn: string, time: Date): SourceTransaction {
    const open = this.open!;
    const txn: SourceTransaction = { xid: open.xid, commitLsn, commitTime: time, touches: open.touches };
    this.emit?.({
      kind: 'end',
      xid: open.xid,
      position: { commitLsn: open.commitLsn, order: open.events.eventCount + 1 },
      marker: endMarker(open.id, open.commitTsMs, open.events.counts()),
      unreadable: open.unreadable,
    });
    this.open = undefined;
    this.lastCommit = maxLsn(this.lastCommit, commitLsn);
    return txn;
  }
}

/** wal2json's commit time, or now when it is missing or unreadable (it only feeds lag figures). */
function commitTime(text: string | undefined): Date {
  if (!text) return new Date();
  try {
    return parsePgTimestamp(text);
  } catch {
    return new Date();
  }
}

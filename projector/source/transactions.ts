import { bigIntToLsn, lsnToBigInt, maxLsn } from '@/lib/lsn';
import { addChange, emptyTouches, type Touches } from '../projections/touches';
import { parsePgTimestamp, type UnreadableMessage, type Wal2JsonMessage } from './wal2json';

/** A committed source transaction, as the projections see it: the keys it touched. */
export interface SourceTransaction {
  xid: number | undefined;
  /** End of the commit record: the position to checkpoint and acknowledge once applied. */
  commitLsn: string;
  commitTime: Date;
  touches: Touches;
}

/** What the assembler tells about records it could not read (they never stop the stream). */
export type UnreadableReport = (lsn: string, record: UnreadableMessage) => void;

/**
 * Groups the stream's records into whole transactions (`B` … `C`), folding each change into
 * the keys it touched as it arrives, so a huge transaction costs its distinct keys, not its
 * row images. A transaction that was never committed (stream cut mid-way) is never emitted.
 *
 * It never throws on what the stream sends: a record it cannot read, or one out of place
 * (a change outside `B` … `C`, a `B` inside an open transaction), makes the transaction
 * around it recompute every read row, which is correct whatever that record was.
 */
export class TransactionAssembler {
  private open: { xid: number | undefined; touches: Touches } | undefined;
  /** End of the last commit emitted: a transaction closed without its commit record must sort after it. */
  private lastCommit = '0/0';

  constructor(private readonly report: UnreadableReport = () => {}) {}

  get inTransaction(): boolean {
    return this.open !== undefined;
  }

  /** Feed one record with the LSN the stream gave it; returns the transaction it completes, if any. */
  push(lsn: string, message: Wal2JsonMessage): SourceTransaction | undefined {
    switch (message.action) {
      case 'B': {
        // The previous transaction's commit was never read: close it here, recomputing everything.
        const unclosed = this.open && this.closeUnread(lsn, `begin at ${lsn} inside an open transaction`);
        this.open = { xid: message.xid, touches: emptyTouches() };
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
        addChange(this.open!.touches, message);
        return undefined;
      case 'M':
        return undefined;
      case '?':
        if (!this.open) this.openUnread(lsn, message, message.reason);
        else this.report(lsn, message);
        this.open!.touches.everything = true;
        this.open!.touches.changeCount += 1;
        return undefined;
    }
  }

  private openUnread(lsn: string, message: Wal2JsonMessage, reason: string): void {
    this.report(lsn, { action: '?', reason, raw: JSON.stringify(message).slice(0, 500) });
    this.open = { xid: message.xid, touches: emptyTouches() };
    this.open.touches.everything = true;
  }

  private closeUnread(lsn: string, reason: string): SourceTransaction {
    this.report(lsn, { action: '?', reason, raw: '' });
    this.open!.touches.everything = true;
    // Past the previous commit, so it is never taken as already applied; at or before its own
    // unknown end, so a replay after a restart sends it again rather than skipping it.
    return this.close(maxLsn(lsn, bigIntToLsn(lsnToBigInt(this.lastCommit) + 1n)), new Date());
  }

  private close(commitLsn: string, time: Date): SourceTransaction {
    const txn: SourceTransaction = { xid: this.open!.xid, commitLsn, commitTime: time, touches: this.open!.touches };
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

import { addChange, emptyTouches, type Touches } from '../projections/touches';
import { parsePgTimestamp, type Wal2JsonMessage } from './wal2json';

/** A committed source transaction, as the projections see it: the keys it touched. */
export interface SourceTransaction {
  xid: number | undefined;
  /** End of the commit record: the position to checkpoint and acknowledge once applied. */
  commitLsn: string;
  commitTime: Date;
  touches: Touches;
}

/**
 * Groups the stream's records into whole transactions (`B` … `C`), folding each change into
 * the keys it touched as it arrives, so a huge transaction costs its distinct keys, not its
 * row images. A transaction that was never committed (stream cut mid-way) is never emitted.
 */
export class TransactionAssembler {
  private open: { xid: number | undefined; touches: Touches } | undefined;

  get inTransaction(): boolean {
    return this.open !== undefined;
  }

  /** Feed one record with the LSN the stream gave it; returns the transaction it completes, if any. */
  push(lsn: string, message: Wal2JsonMessage): SourceTransaction | undefined {
    switch (message.action) {
      case 'B':
        this.open = { xid: message.xid, touches: emptyTouches() };
        return undefined;
      case 'C': {
        if (!this.open) throw new Error(`commit at ${lsn} without a begin`);
        const txn: SourceTransaction = {
          xid: this.open.xid,
          commitLsn: message.nextlsn ?? lsn,
          commitTime: message.timestamp ? parsePgTimestamp(message.timestamp) : new Date(),
          touches: this.open.touches,
        };
        this.open = undefined;
        return txn;
      }
      case 'I':
      case 'U':
      case 'D':
      case 'T':
        if (!this.open) throw new Error(`${message.action} at ${lsn} outside a transaction`);
        addChange(this.open.touches, message);
        return undefined;
      case 'M':
        return undefined;
    }
  }
}

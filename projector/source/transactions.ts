import { parsePgTimestamp, type RowMessage, type TruncateMessage, type Wal2JsonMessage } from './wal2json';

/** A committed source transaction, as the projections see it. */
export interface SourceTransaction {
  xid: number | undefined;
  /** End of the commit record: the position to checkpoint and acknowledge once applied. */
  commitLsn: string;
  commitTime: Date;
  changes: (RowMessage | TruncateMessage)[];
}

/**
 * Groups the stream's records into whole transactions (`B` … `C`). A transaction that was
 * never committed (stream cut mid-way) is never emitted.
 */
export class TransactionAssembler {
  private open: { xid: number | undefined; changes: (RowMessage | TruncateMessage)[] } | undefined;

  get inTransaction(): boolean {
    return this.open !== undefined;
  }

  /** Feed one record with the LSN the stream gave it; returns the transaction it completes, if any. */
  push(lsn: string, message: Wal2JsonMessage): SourceTransaction | undefined {
    switch (message.action) {
      case 'B':
        this.open = { xid: message.xid, changes: [] };
        return undefined;
      case 'C': {
        if (!this.open) throw new Error(`commit at ${lsn} without a begin`);
        const txn: SourceTransaction = {
          xid: this.open.xid,
          commitLsn: message.nextlsn ?? lsn,
          commitTime: message.timestamp ? parsePgTimestamp(message.timestamp) : new Date(),
          changes: this.open.changes,
        };
        this.open = undefined;
        return txn;
      }
      case 'I':
      case 'U':
      case 'D':
      case 'T':
        if (!this.open) throw new Error(`${message.action} at ${lsn} outside a transaction`);
        this.open.changes.push(message);
        return undefined;
      case 'M':
        return undefined;
    }
  }
}

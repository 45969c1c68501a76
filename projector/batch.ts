import { maxLsn } from '@/lib/lsn';
import { emptyTouches, mergeTouches, type Touches } from './projections/touches';
import type { SourceTransaction } from './source/transactions';

/** Many source transactions applied as one: their touched keys, and the last commit they reach. */
export interface Batch {
  touches: Touches;
  endLsn: string;
  /** Null for a quiet stretch, which moves positions but holds no commit. */
  lastCommitTime: Date | null;
  /** The oldest commit in the batch: how long its changes have waited (lag). */
  firstCommitTime: Date | null;
  transactions: number;
  /** Ids of the batch's transactions that changed projected tables: they must be visible to the snapshot that reads them. */
  xids: number[];
  /** A worker on the change stream: the sequence of the last END marker in the batch. */
  endSeq?: number;
}

/** No change up to `lsn`: applying it only moves checkpoints. */
export function quietBatch(lsn: string): Batch {
  return { touches: emptyTouches(), endLsn: lsn, lastCommitTime: null, firstCommitTime: null, transactions: 0, xids: [] };
}

export class Batcher {
  private current: Batch | undefined;

  constructor(private readonly maxChanges: number) {}

  add(txn: SourceTransaction): void {
    this.current ??= { touches: emptyTouches(), endLsn: txn.commitLsn, lastCommitTime: txn.commitTime, firstCommitTime: txn.commitTime, transactions: 0, xids: [] };
    mergeTouches(this.current.touches, txn.touches);
    this.current.endLsn = maxLsn(this.current.endLsn, txn.commitLsn);
    this.current.lastCommitTime = txn.commitTime;
    this.current.transactions += 1;
    if (txn.touches.changeCount > 0 && txn.xid !== undefined) this.current.xids.push(txn.xid);
    if (txn.streamSeq !== undefined) this.current.endSeq = Math.max(this.current.endSeq ?? 0, txn.streamSeq);
  }

  get firstCommitTime(): Date | null {
    return this.current?.firstCommitTime ?? null;
  }

  get empty(): boolean {
    return this.current === undefined;
  }

  /** Full batches are flushed before more is read (backpressure). */
  get full(): boolean {
    return (this.current?.touches.changeCount ?? 0) >= this.maxChanges;
  }

  take(): Batch | undefined {
    const batch = this.current;
    this.current = undefined;
    return batch;
  }
}

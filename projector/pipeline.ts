import { compareLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import { Batcher, quietBatch, type Batch } from './batch';
import { lowestCheckpoint, type Checkpoints } from './checkpoints';
import type { Rebuilds } from './rebuild';
import type { SearchLane } from './searchLane';
import { ALL_PROJECTIONS, type ProjectionName } from '@/db/read/projections';
import type { ChangeSource, StreamHandlers } from './source/stream';
import type { SourceTransaction } from './source/transactions';
import type { SqlLane } from './sqlLane';

/**
 * Between the stream and the projections: gathers transactions into batches, applies them to
 * the SQL read models strictly one after another, hands them on to the search lane, and
 * acknowledges the slot up to the lowest durable checkpoint. While the stream delivers
 * quickly, batches grow (catch-up); when it pauses, the batch in hand is applied at once
 * (low lag). A full batch blocks the stream until it is applied (bounded memory).
 */
/**
 * A quiet-stretch skip writes checkpoints, and those writes are WAL of this same server: the
 * next keepalive reports them, which asked for another skip at once. An idle projector chased
 * its own writes (measured: 7,800 checkpoint writes/s, over a core of CPU). Skips are spaced by
 * this much instead; a read waiting with `after` on a quiet database waits at most this longer.
 */
export const QUIET_SKIP_SPACING_MS = 50;

export class Pipeline implements StreamHandlers {
  private readonly batcher: Batcher;
  private lastQuietSkip = 0;
  private quietTimer: NodeJS.Timeout | undefined;
  private quietLsn: string | undefined;
  /** Transactions received so far: a skip deferred past a new transaction is dropped. */
  private received = 0;
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private stream: ChangeSource | undefined;
  private failure: unknown;

  constructor(
    private readonly lanes: { sql: SqlLane; search: SearchLane; rebuilds: Rebuilds },
    private readonly checkpoints: Checkpoints,
    private readonly log: Logger,
    maxBatchChanges: number,
    /** The read models this process writes: the source is acknowledged up to the lowest of theirs. */
    private readonly owned: readonly ProjectionName[] = ALL_PROJECTIONS,
  ) {
    this.batcher = new Batcher(maxBatchChanges);
  }

  attach(stream: ChangeSource): void {
    this.stream = stream;
  }

  async onTransaction(txn: SourceTransaction): Promise<void> {
    this.received += 1;
    this.batcher.add(txn);
    if (this.batcher.full) {
      await this.flush();
    } else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush().catch((error: unknown) => this.stream?.fail(error));
      });
    }
  }

  /** Everything received before `lsn` has been handed over: a quiet stretch to move past. */
  onCaughtUp(lsn: string): void {
    if (!this.batcher.empty) return;
    const lowest = lowestCheckpoint(this.checkpoints, this.owned);
    if (lowest && compareLsn(lowest, lsn) >= 0) return;
    const wait = this.lastQuietSkip + QUIET_SKIP_SPACING_MS - Date.now();
    if (wait <= 0) {
      this.lastQuietSkip = Date.now();
      this.enqueue(() => this.applyBatch(quietBatch(lsn))).catch((error: unknown) => this.stream?.fail(error));
      return;
    }
    // Deferred to the latest position reported meanwhile; dropped if a transaction arrived
    // meanwhile (it would be queued behind the skip), and the next keepalive asks again.
    this.quietLsn = lsn;
    if (this.quietTimer) return;
    const receivedThen = this.received;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (this.received === receivedThen && this.quietLsn) this.onCaughtUp(this.quietLsn);
    }, wait);
    this.quietTimer.unref();
  }

  /** Apply whatever has been gathered (after everything queued before it). */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      const batch = this.batcher.take();
      if (!batch) return;
      const started = performance.now();
      await this.applyBatch(batch);
      this.log.debug(
        { lsn: batch.endLsn, transactions: batch.transactions, changes: batch.touches.changeCount, ms: Math.round(performance.now() - started), steps: this.lanes.sql.lastTimings },
        'batch applied to SQL read models',
      );
    });
  }

  /** Resolves when everything handed over so far is in the SQL read models. */
  drain(): Promise<void> {
    return this.flush();
  }

  /** Runs nothing more, and resolves once the step in hand (if any) has finished. */
  async close(): Promise<void> {
    this.failure ??= new Error('the session ended');
    clearTimeout(this.quietTimer);
    await this.chain;
  }

  async acknowledge(): Promise<void> {
    const lowest = lowestCheckpoint(this.checkpoints, this.owned);
    if (lowest) await this.stream?.acknowledge(lowest);
  }

  /** Commit time of the oldest change received but not yet in the SQL read models. */
  get pendingSince(): Date | undefined {
    return (this.inFlight?.firstCommitTime ?? this.batcher.firstCommitTime) || undefined;
  }

  private inFlight: Batch | undefined;

  private async applyBatch(batch: Batch): Promise<void> {
    this.inFlight = batch;
    const effects = await this.lanes.sql.apply(batch).finally(() => {
      this.inFlight = undefined;
    });
    this.lanes.search.notify();
    for (const rebuild of effects.rebuilds) this.lanes.rebuilds.start(rebuild);
    await this.acknowledge();
  }

  /** Run `fn` between two batches (a rebuild writing into its fresh table). Its failure is its own. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(() => {
      if (this.failure) throw new Error('the pipeline stopped', { cause: this.failure });
      return fn();
    });
    this.chain = next.then(
      () => {},
      () => {},
    );
    return next;
  }

  /**
   * Steps run strictly in order. After one fails nothing else runs in this session: a later
   * step (a quiet-stretch skip, say) must never move a checkpoint past a batch not applied.
   */
  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(async () => {
      if (this.failure) throw this.failure;
      try {
        await step();
      } catch (error) {
        this.failure = error;
        throw error;
      }
    });
    this.chain = next.catch(() => {});
    return next;
  }
}

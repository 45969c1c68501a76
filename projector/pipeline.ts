import { compareLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { Applier } from './applier';
import { Batcher } from './batch';
import { lowestCheckpoint } from './checkpoints';
import type { ReplicationStream, StreamHandlers } from './source/stream';
import type { SourceTransaction } from './source/transactions';

/**
 * Between the stream and the projections: gathers transactions into batches, applies them
 * strictly one after another, and acknowledges the slot up to the lowest durable checkpoint.
 * While the stream delivers quickly, batches grow (catch-up); when it pauses, the batch in
 * hand is applied at once (low lag). A full batch blocks the stream until it is applied.
 */
export class Pipeline implements StreamHandlers {
  private readonly batcher: Batcher;
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private stream: ReplicationStream | undefined;

  constructor(
    private readonly applier: Applier,
    private readonly log: Logger,
    maxBatchChanges: number,
  ) {
    this.batcher = new Batcher(maxBatchChanges);
  }

  attach(stream: ReplicationStream): void {
    this.stream = stream;
  }

  async onTransaction(txn: SourceTransaction): Promise<void> {
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

  onCaughtUp(lsn: string): void {
    if (!this.batcher.empty) return;
    const lowest = lowestCheckpoint(this.applier.checkpoints);
    if (lowest && compareLsn(lowest, lsn) >= 0) return;
    this.enqueue(async () => {
      if (await this.applier.advanceIdle(lsn)) await this.acknowledge();
    }).catch((error: unknown) => this.stream?.fail(error));
  }

  /** Apply whatever has been gathered (after everything queued before it). */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      const batch = this.batcher.take();
      if (!batch) return;
      const started = performance.now();
      await this.applier.apply(batch);
      await this.acknowledge();
      this.log.debug(
        { lsn: batch.endLsn, transactions: batch.transactions, changes: batch.touches.changeCount, ms: Math.round(performance.now() - started) },
        'batch applied',
      );
    });
  }

  /** Resolves when everything handed over so far has been applied. */
  drain(): Promise<void> {
    return this.flush();
  }

  /**
   * Steps run strictly in order. After one fails nothing else runs in this session: a later
   * step (an idle skip, say) must never move a checkpoint past a batch that was not applied.
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

  private failure: unknown;

  private async acknowledge(): Promise<void> {
    const lowest = lowestCheckpoint(this.applier.checkpoints);
    if (lowest) await this.stream?.acknowledge(lowest);
  }
}

import type { Meilisearch } from 'meilisearch';
import type postgres from 'postgres';
import type { ReadDb } from '@/db/clients';
import { compareLsn, maxLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { Batch } from './batch';
import { saveCheckpoints, type Checkpoints } from './checkpoints';
import { ensureProductIndex } from './projections/productSearch/document';
import { applyProductSearch, PRODUCT_SEARCH } from './projections/productSearch/sink';
import { loadProductSummaries } from './projections/productSummaries/load';
import { mergeTouches, touchesAnything } from './projections/touches';
import { chunk, CHUNK, touchedProductIds } from './touchedProducts';

const MAX_BACKOFF_MS = 30_000;

/**
 * The Meilisearch index, behind the SQL lane and never holding it up. Work waiting for it is
 * merged into one set of touched keys (bounded by the number of distinct products, however
 * long Meilisearch is away); on failure it is retried with backoff. Its checkpoint moves only
 * after Meilisearch reports every task succeeded.
 */
export class SearchLane {
  private pending: Batch | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private indexReady = false;

  constructor(
    private readonly deps: { source: postgres.Sql; read: ReadDb; meili: Meilisearch; indexUid: string; log: Logger },
    private readonly checkpoints: Checkpoints,
    private readonly onApplied: () => Promise<void>,
  ) {}

  offer(batch: Batch): void {
    const at = this.checkpoints.get(PRODUCT_SEARCH);
    if (at !== undefined && compareLsn(at, batch.endLsn) >= 0) return;
    this.pending = this.pending ? merge(this.pending, batch) : cloneBatch(batch);
    this.running ??= this.work().finally(() => {
      this.running = undefined;
    });
  }

  /** Products waiting to be indexed (for metrics and logs). */
  get backlog(): number {
    return this.pending?.touches.productIds.size ?? 0;
  }

  /** Let the attempt in hand finish, retry nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  /** Resolves when nothing is waiting (or the lane was stopped). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async work(): Promise<void> {
    let backoff = 250;
    while (this.pending && !this.stopped) {
      const job = this.pending;
      this.pending = undefined;
      try {
        await this.apply(job);
        backoff = 250;
        await this.onApplied();
      } catch (error) {
        this.pending = this.pending ? merge(job, this.pending) : job;
        this.deps.log.warn({ err: error, retryInMs: backoff, backlog: this.backlog }, 'search index update failed; SQL read models continue');
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, backoff);
        });
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async apply(job: Batch): Promise<void> {
    if (!this.indexReady) {
      // Here rather than at start: Meilisearch being away must not hold up the SQL read models.
      await ensureProductIndex(this.deps.meili, this.deps.indexUid);
      this.indexReady = true;
    }
    if (touchesAnything(job.touches)) {
      await this.deps.source.begin('isolation level repeatable read read only', async (snapshot) => {
        const ids = await touchedProductIds(snapshot, this.deps.read, job.touches);
        for (const part of chunk(ids, CHUNK)) {
          await applyProductSearch(this.deps.meili, this.deps.indexUid, part, await loadProductSummaries(snapshot, part));
        }
      });
    }
    await saveCheckpoints(this.deps.read, [PRODUCT_SEARCH], job.endLsn, job.lastCommitTime);
    this.checkpoints.set(PRODUCT_SEARCH, job.endLsn);
  }
}

function cloneBatch(batch: Batch): Batch {
  const touches = { ...batch.touches, productIds: new Set(batch.touches.productIds), categoryIds: new Set(batch.touches.categoryIds) };
  return { ...batch, touches };
}

function merge(older: Batch, newer: Batch): Batch {
  const merged = cloneBatch(older);
  mergeTouches(merged.touches, newer.touches);
  merged.endLsn = maxLsn(older.endLsn, newer.endLsn);
  merged.lastCommitTime = newer.lastCommitTime ?? older.lastCommitTime;
  merged.transactions += newer.transactions;
  return merged;
}

import type { Meilisearch } from 'meilisearch';
import type postgres from 'postgres';
import { compareLsn, maxLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { Batch } from './batch';
import { saveCheckpoints, type Checkpoints } from './checkpoints';
import { countPendingDeadLetters, recordDeadLetter, resolveDeadLetters } from './deadLetters';
import { ensureProductIndex, TaskFailedError, toSearchDocument } from './projections/productSearch/document';
import { applyProductSearch, PRODUCT_SEARCH } from './projections/productSearch/sink';
import { readSummaries, touchedProductIds } from './projections/productSummaries';
import { cloneTouches, emptyTouches, mergeTouches, touchesAnything } from './projections/touches';
import type { Row } from './projections/types';
import { CHUNK, type Shadow } from './sqlLane';

const MAX_BACKOFF_MS = 30_000;

export interface SearchDeps {
  source: postgres.Sql;
  read: postgres.Sql;
  meili: Meilisearch;
  indexUid: string;
  log: Logger;
}

interface Job {
  batch: Batch;
  /** Products to index again whatever the batch says (dead letters being retried). */
  retries: Set<string>;
}

/**
 * The Meilisearch index, behind the SQL lane and never holding it up. Work waiting for it is
 * merged into one set of touched keys (bounded by the number of distinct keys, however long
 * Meilisearch is away); on failure it is retried with backoff. Its checkpoint moves only
 * after Meilisearch reports every task succeeded. A task Meilisearch refuses is split until
 * the refused documents are found; those become dead letters and the rest goes on.
 */
export class SearchLane {
  private pending: Job | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private indexReady = false;
  private lock: Promise<unknown> = Promise.resolve();
  private maybePendingLetters = true;
  /** A rebuild's fresh index, written alongside the live one. */
  shadow: Shadow | undefined;
  changesApplied = 0;

  constructor(
    private readonly deps: SearchDeps,
    private readonly checkpoints: Checkpoints,
    private readonly onApplied: () => Promise<void>,
  ) {}

  async init(): Promise<void> {
    this.maybePendingLetters = (await countPendingDeadLetters(this.deps.read)) > 0;
  }

  offer(batch: Batch): void {
    const at = this.checkpoints.get(PRODUCT_SEARCH);
    if (at !== undefined && compareLsn(at, batch.endLsn) >= 0) return;
    this.enqueue({ batch, retries: new Set() });
  }

  /** Index these products again (a dead letter being retried). */
  retry(keys: string[]): void {
    if (keys.length === 0) return;
    const at = this.checkpoints.get(PRODUCT_SEARCH) ?? '0/0';
    this.enqueue({ batch: { touches: emptyTouches(), endLsn: at, lastCommitTime: null, firstCommitTime: null, transactions: 0, xids: [] }, retries: new Set(keys) });
  }

  /** Products waiting to be indexed (for metrics and logs). */
  get backlog(): number {
    return this.pending ? this.pending.batch.touches.keys.product.size + this.pending.retries.size : 0;
  }

  /** Run `fn` while no batch is being applied (a rebuild writing a page into its fresh index). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn);
    this.lock = run.catch(() => {});
    return run;
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

  private enqueue(job: Job): void {
    this.pending = this.pending ? merge(this.pending, job) : clone(job);
    this.running ??= this.work().finally(() => {
      this.running = undefined;
    });
  }

  /** Commit time of the oldest change not yet in the index (undefined when none waits). */
  get pendingSince(): Date | undefined {
    return (this.inHand?.batch.firstCommitTime ?? this.pending?.batch.firstCommitTime) || undefined;
  }

  private inHand: Job | undefined;

  private async work(): Promise<void> {
    let backoff = 250;
    while (this.pending && !this.stopped) {
      const job = this.pending;
      this.pending = undefined;
      this.inHand = job;
      try {
        await this.exclusive(() => this.apply(job));
        this.inHand = undefined;
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

  private async apply(job: Job): Promise<void> {
    if (!this.indexReady) {
      // Here rather than at start: Meilisearch being away must not hold up the SQL read models.
      await ensureProductIndex(this.deps.meili, this.deps.indexUid);
      this.indexReady = true;
    }
    const { batch } = job;
    if (touchesAnything(batch.touches) || job.retries.size > 0) {
      await this.deps.source.begin('isolation level repeatable read read only', async (snapshot) => {
        const touched = await touchedProductIds({ snapshot, read: this.deps.read }, batch.touches);
        const ids = [...new Set([...touched, ...job.retries])];
        for (let i = 0; i < ids.length; i += CHUNK) {
          const part = ids.slice(i, i + CHUNK);
          const rows = await readSummaries(this.deps.read, part);
          const failed = await this.write(this.deps.indexUid, part, rows, batch.endLsn);
          if (this.shadow) {
            await this.write(this.shadow.table, part, rows, batch.endLsn);
            for (const id of part) this.shadow.touched.add(id);
          }
          if (this.maybePendingLetters) {
            await resolveDeadLetters(this.deps.read, PRODUCT_SEARCH, part.filter((id) => !failed.has(id)), job.retries.size ? 'retried' : 'applied by a later change');
          }
        }
      });
    }
    if (compareLsn(batch.endLsn, this.checkpoints.get(PRODUCT_SEARCH) ?? '0/0') > 0) {
      await saveCheckpoints(this.deps.read, [PRODUCT_SEARCH], batch.endLsn, batch.lastCommitTime);
      this.checkpoints.set(PRODUCT_SEARCH, batch.endLsn);
    }
    this.changesApplied += batch.touches.changeCount;
  }

  /** Write documents; halve a refused task until the refused documents are found. Returns their ids. */
  private async write(indexUid: string, ids: string[], rows: Row[], lsn: string): Promise<Set<string>> {
    try {
      await applyProductSearch(this.deps.meili, indexUid, ids, rows);
      return new Set();
    } catch (error) {
      if (!(error instanceof TaskFailedError)) throw error;
      if (ids.length === 1) {
        const row = rows[0];
        this.deps.log.error({ err: error, projection: PRODUCT_SEARCH, key: ids[0] }, 'dead letter: Meilisearch refuses this document');
        await recordDeadLetter(this.deps.read, { projection: PRODUCT_SEARCH, key: ids[0]!, lsn, error, payload: row ? toSearchDocument(row) : { id: ids[0] } });
        this.maybePendingLetters = true;
        return new Set(ids);
      }
      const half = Math.ceil(ids.length / 2);
      const [a, b] = [ids.slice(0, half), ids.slice(half)];
      const rowsOf = (keys: string[]) => rows.filter((r) => keys.includes(r.id as string));
      const failed = await this.write(indexUid, a, rowsOf(a), lsn);
      for (const id of await this.write(indexUid, b, rowsOf(b), lsn)) failed.add(id);
      return failed;
    }
  }
}

function clone(job: Job): Job {
  // No xids: the SQL lane has already waited for this batch to be visible, and visibility only grows.
  return { batch: { ...job.batch, touches: cloneTouches(job.batch.touches), xids: [] }, retries: new Set(job.retries) };
}

function merge(older: Job, newer: Job): Job {
  const merged = clone(older);
  mergeTouches(merged.batch.touches, newer.batch.touches);
  for (const key of newer.retries) merged.retries.add(key);
  merged.batch.endLsn = maxLsn(older.batch.endLsn, newer.batch.endLsn);
  merged.batch.lastCommitTime = newer.batch.lastCommitTime ?? older.batch.lastCommitTime;
  merged.batch.firstCommitTime = older.batch.firstCommitTime ?? newer.batch.firstCommitTime;
  merged.batch.transactions += newer.batch.transactions;
  return merged;
}

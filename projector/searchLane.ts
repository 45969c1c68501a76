import type { Meilisearch } from 'meilisearch';
import type postgres from 'postgres';
import { PRODUCT_SEARCH } from '@/db/read/projections';
import type { Logger } from '@/lib/logger';
import { saveCheckpoints, type Checkpoints } from './checkpoints';
import { countPendingDeadLetters, recordDeadLetter, resolveDeadLetters } from './deadLetters';
import { ensureProductIndex, toSearchDocument } from './projections/productSearch/document';
import { classifyMeiliFailure } from './projections/productSearch/failures';
import { jsonBytes, type PayloadBudget } from './projections/productSearch/payloadBudget';
import { applyProductSearch } from './projections/productSearch/sink';
import { readSummaries } from './projections/productSummaries';
import type { Row } from './projections/types';
import { queueState, removeQueued, takeQueued, type QueuedProduct } from './searchQueue';
import { CHUNK, type Shadow } from './sqlLane';

const MAX_BACKOFF_MS = 30_000;

export interface SearchDeps {
  read: postgres.Sql;
  meili: Meilisearch;
  indexUid: string;
  log: Logger;
  budget: PayloadBudget;
  /** Throws when this process may no longer write (see leadership.ts); called before each page. */
  guard?: () => void;
  /** False on a worker that does not build the index: the lane does nothing. */
  enabled?: boolean;
}

/**
 * The Meilisearch index, behind the SQL lane and never holding it up. It works through
 * `search_queue` (see searchQueue.ts): the products the SQL lane queued with their summary
 * rows. For each page it writes the documents of the summaries as they are now, waits for
 * Meilisearch to report the tasks succeeded, and only then removes the page from the queue
 * and moves its checkpoint. A failure about Meilisearch (down, disk full) is retried with
 * backoff and skips nothing; pages are cut to Meilisearch's payload limit, and a page it still
 * finds too large shrinks the budget and goes again in halves; documents Meilisearch
 * refuses are isolated by halving the page and become dead letters.
 */
export class SearchLane {
  private running: Promise<void> | undefined;
  private stopped = false;
  private dirty = false;
  private wakeFromBackoff: (() => void) | undefined;
  private indexReady = false;
  private lock: Promise<unknown> = Promise.resolve();
  private maybePendingLetters = true;
  /** A rebuild's fresh index, written alongside the live one. */
  shadow: Shadow | undefined;
  /** Documents written since start. */
  changesApplied = 0;
  /** Products waiting (as of the last page). */
  backlog = 0;
  /** Commit time of the oldest change not in the index yet (as of the last page). */
  pendingSince: Date | undefined;

  constructor(
    private readonly deps: SearchDeps,
    private readonly checkpoints: Checkpoints,
  ) {}

  /** Starts on whatever a previous process left queued. */
  async init(): Promise<void> {
    this.maybePendingLetters = (await countPendingDeadLetters(this.deps.read)) > 0;
    this.notify();
  }

  /** The SQL lane committed a batch (which may have queued products). */
  notify(): void {
    this.dirty = true;
    this.kick();
  }

  private kick(): void {
    if (this.stopped || this.running || this.deps.enabled === false) return;
    this.running = this.work().finally(() => {
      this.running = undefined;
      // Notified between the loop's last look and here: look again.
      if (this.dirty) this.kick();
    });
  }

  /** Run `fn` while no page is being written (a rebuild writing a page into its fresh index). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn);
    this.lock = run.catch(() => {});
    return run;
  }

  /** Let the page in hand finish, write nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeFromBackoff?.();
    await this.running;
  }

  private async work(): Promise<void> {
    let backoff = 250;
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      try {
        while (!this.stopped && (await this.exclusive(() => this.nextPage()))) backoff = 250;
      } catch (error) {
        this.dirty = true;
        this.deps.log.warn({ err: error, retryInMs: backoff, backlog: this.backlog }, 'search index update failed; SQL read models continue');
        await new Promise<void>((resolve) => {
          this.wakeFromBackoff = resolve;
          setTimeout(resolve, backoff);
        });
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** Writes one page of queued products; false when the queue is empty (the checkpoint is then current). */
  private async nextPage(): Promise<boolean> {
    if (!this.indexReady) {
      // Here rather than at start: Meilisearch being away must not hold up the SQL read models.
      await ensureProductIndex(this.deps.meili, this.deps.indexUid);
      this.indexReady = true;
    }
    const { read } = this.deps;
    const taken = await takeQueued(read, CHUNK);
    if (taken.length > 0) {
      const ids = taken.map((t) => t.id);
      const rows = await readSummaries(read, ids);
      this.deps.guard?.();
      const failed = await this.write(this.deps.indexUid, taken, rows);
      if (this.shadow) {
        await this.write(this.shadow.table, taken, rows);
        for (const id of ids) this.shadow.touched.add(id);
      }
      await removeQueued(read, taken);
      if (this.maybePendingLetters) await resolveDeadLetters(read, PRODUCT_SEARCH, ids.filter((id) => !failed.has(id)), 'indexed');
      this.changesApplied += taken.length;
    }
    await this.advanceCheckpoint();
    return taken.length > 0;
  }

  private async advanceCheckpoint(): Promise<void> {
    const state = await queueState(this.deps.read);
    this.backlog = state.waiting;
    this.pendingSince = state.oldestCommitAt ?? undefined;
    if (!state.position) return;
    await saveCheckpoints(this.deps.read, [PRODUCT_SEARCH], state.position, state.lastCommitAt);
    this.checkpoints.set(PRODUCT_SEARCH, state.position);
  }

  /**
   * Writes documents; a page too large is halved, a refused page is halved until the refused
   * documents are found (they become dead letters). Returns their ids. Temporary failures throw.
   */
  private async write(indexUid: string, products: QueuedProduct[], rows: Row[]): Promise<Set<string>> {
    try {
      await applyProductSearch(this.deps.meili, indexUid, products.map((p) => p.id), rows, this.deps.budget);
      return new Set();
    } catch (error) {
      const failure = classifyMeiliFailure(error);
      if (failure === 'temporary') throw error;
      if (products.length === 1) {
        const row = rows[0];
        this.deps.log.error({ err: error, projection: PRODUCT_SEARCH, key: products[0]!.id }, 'dead letter: Meilisearch refuses this document');
        await recordDeadLetter(this.deps.read, { projection: PRODUCT_SEARCH, key: products[0]!.id, lsn: products[0]!.lsn, error, payload: row ? toSearchDocument(row) : { id: products[0]!.id } });
        this.maybePendingLetters = true;
        return new Set([products[0]!.id]);
      }
      const half = Math.ceil(products.length / 2);
      if (failure === 'too-large') {
        this.deps.log.warn({ budgetBytes: this.deps.budget.bytes }, 'Meilisearch refused a request as too large; sending smaller pages');
        await this.deps.budget.refused(Math.min(this.deps.budget.bytes, jsonBytes(rows.map(toSearchDocument))), this.deps.meili);
      }
      const failed = new Set<string>();
      for (const part of [products.slice(0, half), products.slice(half)]) {
        const ids = new Set(part.map((p) => p.id));
        for (const id of await this.write(indexUid, part, rows.filter((r) => ids.has(r.id as string)))) failed.add(id);
      }
      return failed;
    }
  }
}

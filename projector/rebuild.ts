import type { Meilisearch } from 'meilisearch';
import type postgres from 'postgres';
import { isProjectionName, PRODUCT_SEARCH } from '@/db/read/projections';
import type { ProductSearchDocument } from '@/db/read/productSearch';
import type { Logger } from '@/lib/logger';
import { pagesOf } from './buildPages';
import { errorText, recordDeadLetter } from './deadLetters';
import { progressReporter } from './progress';
import { ensureProductIndex, toSearchDocument } from './projections/productSearch/document';
import type { PayloadBudget } from './projections/productSearch/payloadBudget';
import { TaskWindow } from './projections/productSearch/taskWindow';
import { productSummaries } from './projections/productSummaries';
import { sqlProjection } from './projections/registry';
import type { ReadSql, Row, SqlProjection } from './projections/types';
import { orderSummaries } from './projections/orderSummaries';
import { emptyTouches, type Entity, type Touches } from './projections/touches';
import { insertRows, keyOf } from './readRows';
import type { SearchLane } from './searchLane';
import type { SqlLane } from './sqlLane';
import { swapTables } from './swapTables';

const TASK_TIMEOUT_MS = 300_000;

export interface RebuildDeps {
  source: postgres.Sql;
  read: postgres.Sql;
  meili: Meilisearch;
  indexUid: string;
  log: Logger;
  budget: PayloadBudget;
  sql: SqlLane;
  search: SearchLane;
  /** Runs `fn` between two SQL batches. */
  betweenBatches<T>(fn: () => Promise<T>): Promise<T>;
  /** Fails a switch unless this process still leads (see leadership.ts). */
  fence?: (tx: ReadSql) => Promise<void>;
  guard?: () => void;
  /** The read models this process builds (a worker on the change stream): it rebuilds only those. */
  owned?: readonly string[];
}

export interface RebuildRequest {
  requestId: string;
  projection: string;
  requestedAt: Date;
}

/**
 * Zero-downtime rebuilds, one at a time. A fresh table (or index) is filled beside the live
 * one from a snapshot of the write model while the lanes keep writing every batch into both;
 * rows the lanes wrote are newer than the snapshot, so the fill skips them. Then the fresh
 * copy is switched in atomically: a table rename in one transaction, a Meilisearch index swap.
 */
export class Rebuilds {
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: RebuildDeps) {}

  /** Starts the rebuilds recorded as queued (by a batch committed before a restart, say), oldest first. */
  async resumeQueued(): Promise<void> {
    const queued = await this.deps.read<RebuildRequest[]>`
      select id as "requestId", projection, requested_at as "requestedAt" from projection_rebuilds
       where status = 'queued' order by requested_at, id`;
    for (const request of queued) if (this.owns(request.projection)) this.start(request);
  }

  private owns(projection: string): boolean {
    return !this.deps.owned || this.deps.owned.includes(projection);
  }

  /** Marks rebuilds a previous process left running as failed and drops their leftovers. */
  async recover(): Promise<void> {
    const stale = await this.deps.read<{ id: string; projection: string }[]>`
      update projection_rebuilds set status = 'failed', error = 'interrupted: the projector restarted', finished_at = now()
       where status = 'running' and (${this.deps.owned === undefined} or projection = any(${(this.deps.owned ?? []) as string[]}::text[]))
       returning id, projection`;
    for (const { projection } of stale) {
      const p = sqlProjection(projection);
      if (p) await this.deps.read.unsafe(`drop table if exists "${shadowTable(p)}"`);
    }
    if (!this.owns(PRODUCT_SEARCH)) return;
    const { results } = await this.deps.meili.getRawIndexes({ limit: 1000 }).catch(() => ({ results: [] as { uid: string }[] }));
    for (const index of results) {
      if (index.uid.startsWith(`${this.deps.indexUid}_rebuild_`)) await this.deps.meili.deleteIndex(index.uid).waitTask().catch(() => {});
    }
  }

  start(request: RebuildRequest): void {
    this.queue = this.queue.then(() => this.run(request)).catch(() => {});
  }

  /** Resolves when the rebuilds asked for so far have finished (or failed). */
  async settled(): Promise<void> {
    await this.queue;
  }

  stop(): void {
    this.stopped = true;
  }

  /** The lanes that keep the fresh copy current end with the session: so must the rebuild. */
  private assertRunning(): void {
    if (this.stopped) throw new Error('interrupted: the projector session ended');
  }

  private async run(request: RebuildRequest): Promise<void> {
    const { read, log } = this.deps;
    const started = await read`
      update projection_rebuilds set status = 'running', started_at = now()
       where id = ${request.requestId} and status = 'queued' returning id`;
    if (started.length === 0) return; // already handled before a restart
    log.info({ projection: request.projection, request: request.requestId }, 'rebuild: started');
    try {
      if (!isProjectionName(request.projection)) throw new Error(`unknown projection "${request.projection}"`);
      if (request.projection === PRODUCT_SEARCH) await this.rebuildSearch(request);
      else await this.rebuildTable(request, sqlProjection(request.projection));
      await read`update projection_rebuilds set status = 'switched', finished_at = now() where id = ${request.requestId}`;
      log.info({ projection: request.projection, request: request.requestId }, 'rebuild: switched to the fresh copy');
    } catch (error) {
      log.error({ err: error, projection: request.projection }, 'rebuild failed; the live copy is unchanged');
      await read`
        update projection_rebuilds set status = 'failed', error = ${errorText(error).message}, finished_at = now()
         where id = ${request.requestId}`.catch(() => {});
    }
  }

  private async rebuildTable(request: RebuildRequest, projection: SqlProjection): Promise<void> {
    const { read, sql: lane } = this.deps;
    const table = shadowTable(projection);
    const shadow = { table, touched: new Set<string>() };
    await this.deps.betweenBatches(async () => {
      await read.unsafe(`drop table if exists "${table}"`);
      await read.unsafe(`create table "${table}" (like "${projection.table}" including all)`);
      lane.shadows.set(projection.name, shadow);
    });
    try {
      await this.fill(request, projection, async (rows) => {
        await this.deps.betweenBatches(async () => {
          // A whole projection the lane has written since the start is already complete.
          const fresh = projection.whole ? (shadow.touched.size > 0 ? [] : rows) : rows.filter((r) => !shadow.touched.has(keyOf(projection, r)));
          await insertRows(read, projection, table, fresh);
        });
      });
      await this.deps.betweenBatches(async () => {
        this.assertRunning();
        await lane.reconcile(await differingKeys(read, projection, table));
        await read.begin(async (tx) => {
          await this.deps.fence?.(tx);
          await swapTables(tx, projection.table, table);
        });
        lane.shadows.delete(projection.name);
      });
    } catch (error) {
      await this.deps.betweenBatches(async () => {
        lane.shadows.delete(projection.name);
        await read.unsafe(`drop table if exists "${table}"`);
      });
      throw error;
    }
  }

  private async rebuildSearch(request: RebuildRequest): Promise<void> {
    const { meili, search, indexUid } = this.deps;
    const uid = `${indexUid}_rebuild_${Date.now()}`;
    await ensureProductIndex(meili, uid);
    const shadow = { table: uid, touched: new Set<string>() };
    await search.exclusive(async () => {
      search.shadow = shadow;
    });
    try {
      // The lane's own writes to the shadow index are enqueued after the fill's pages that
      // skipped them, and Meilisearch applies an index's tasks in order: newer data wins.
      const pages = new TaskWindow(meili, {
        budget: this.deps.budget,
        onRefused: (document, error) => this.refused(document, error),
        stillWanted: (document) => !shadow.touched.has(document.id),
      });
      await this.fill(request, productSummaries, async (rows) => {
        await search.exclusive(async () => {
          const fresh = rows.filter((r) => !shadow.touched.has(r.id as string));
          await pages.add(uid, fresh.map(toSearchDocument));
        });
      });
      // Exclusive: a refused page sent again must not land after the lane's newer documents.
      await search.exclusive(() => pages.drain());
      await search.exclusive(async () => {
        this.assertRunning();
        this.deps.guard?.();
        const task = await meili.swapIndexes([{ indexes: [indexUid, uid], rename: false }]).waitTask({ timeout: TASK_TIMEOUT_MS });
        if (task.status !== 'succeeded') throw new Error(`index swap ${task.status}: ${task.error?.message ?? ''}`);
        search.shadow = undefined;
      });
    } finally {
      if (search.shadow === shadow) await search.exclusive(async () => (search.shadow = undefined));
      // After a swap this holds the old documents; after a failure, the partial copy.
      await meili.deleteIndex(uid).waitTask({ timeout: TASK_TIMEOUT_MS }).catch(() => {});
    }
  }

  private async refused(document: ProductSearchDocument, error: unknown): Promise<void> {
    const { read, log } = this.deps;
    const [at] = await read<{ lsn: string }[]>`select lsn::text as lsn from projection_checkpoints where projection = ${PRODUCT_SEARCH}`;
    log.error({ err: error, projection: PRODUCT_SEARCH, key: document.id }, 'dead letter: Meilisearch refuses this document');
    await recordDeadLetter(read, { projection: PRODUCT_SEARCH, key: document.id, lsn: at?.lsn ?? '0/0', error, payload: document });
  }

  /** Reads the projection's rows from one snapshot, page by page, reporting progress. */
  private async fill(request: RebuildRequest, projection: SqlProjection, write: (rows: Row[]) => Promise<void>): Promise<void> {
    const { source, read, log } = this.deps;
    await source.begin('isolation level repeatable read read only', async (snapshot) => {
      const total = await projection.count(snapshot);
      await read`update projection_rebuilds set total = ${total} where id = ${request.requestId}`;
      const progress = progressReporter(log, `rebuild ${request.projection}`, total);
      let done = 0;
      let reported = 0;
      for await (const rows of pagesOf(projection, snapshot)) {
        this.assertRunning();
        await write(rows);
        done += projection.whole ? total : rows.length;
        progress.advance(projection.whole ? total : rows.length);
        if (Date.now() - reported > 250) {
          reported = Date.now();
          await read`update projection_rebuilds set done = ${done} where id = ${request.requestId}`;
        }
      }
      await read`update projection_rebuilds set done = ${total} where id = ${request.requestId}`;
      progress.done();
    });
  }
}

/**
 * Read tables other projections take previous state from, and the write-model key their rows
 * stand for: product_summaries (the category tree's counts), order_summaries (the products,
 * customer and day of an order that is gone).
 */
const PREVIOUS_STATE_OF: Partial<Record<string, Entity>> = { [productSummaries.name]: 'product', [orderSummaries.name]: 'order' };

/** The keys whose fresh rows differ from the live ones, as touches (none for tables nothing reads back). */
async function differingKeys(read: postgres.Sql, projection: SqlProjection, fresh: string): Promise<Touches> {
  const touches = emptyTouches();
  const entity = PREVIOUS_STATE_OF[projection.name];
  if (!entity) return touches;
  const key = projection.keyColumn;
  const rows = await read.unsafe<{ key: string }[]>(`
    select coalesce(f."${key}", l."${key}")::text as key from "${fresh}" f full join "${projection.table}" l on l."${key}" = f."${key}"
     where to_jsonb(f) is distinct from to_jsonb(l)`);
  for (const row of rows) touches.keys[entity].add(row.key);
  return touches;
}

export function shadowTable(projection: SqlProjection): string {
  return `${projection.table}__rebuild`;
}

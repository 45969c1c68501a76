import type postgres from 'postgres';
import { ALL_PROJECTIONS, PRODUCT_SEARCH, SQL_PROJECTIONS, type ProjectionName, type SqlProjectionName } from '@/db/read/projections';
import { compareLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { Batch } from './batch';
import { saveCheckpoints, type Checkpoints } from './checkpoints';
import { countPendingDeadLetters, findPendingDeadLetter, isPoison, recordDeadLetter, resolveDeadLetters } from './deadLetters';
import { SQL_PROJECTION_LIST, sqlProjection } from './projections/registry';
import { productSummaries } from './projections/productSummaries';
import { touchesAnything, type Touches } from './projections/touches';
import type { ReadSql, Row, Source, SqlProjection } from './projections/types';
import { replaceRows } from './readRows';
import { loadRequests, noEffects, queueRebuild, type BatchEffects, type ProjectorRequest } from './requests';
import { queueForSearch, type QueueBatch } from './searchQueue';
import { allVisible, NotYetVisible } from './visibility';

export const CHUNK = 2000;

/** Computes the rows of some keys for the batch in hand. */
type Loader = (keys: string[]) => Promise<Row[]>;

/** A rebuild in progress: the fresh table beside the live one, and the keys the lane wrote into it. */
export interface Shadow {
  table: string;
  touched: Set<string>;
}

/**
 * The SQL read models. Touched keys are recomputed from one repeatable-read snapshot of the
 * write model and written, with the checkpoints, in one read-DB transaction: a replayed batch
 * writes the same rows again (exactly-once effect), a crash mid-way writes nothing.
 *
 * A poison error (bad data, a projection bug) makes the batch run again with every chunk and
 * then every key in a savepoint: the keys that still fail go to `dead_letters` and the rest
 * commits with the checkpoint, so one bad row never stops the pipeline.
 */
export class SqlLane {
  readonly shadows = new Map<string, Shadow>();
  private maybePendingLetters = true;
  /** Changes applied since start (for status and metrics). */
  changesApplied = 0;
  /** Where the last batch's time went, in ms (logged at debug level with the batch). */
  lastTimings: Record<string, number> = {};

  constructor(
    private readonly source: postgres.Sql,
    private readonly read: postgres.Sql,
    private readonly checkpoints: Checkpoints,
    private readonly log: Logger,
    /** First thing in every read-DB transaction: fails it unless this process still leads (see leadership.ts). */
    private readonly fence: (tx: ReadSql) => Promise<void> = async () => {},
    /** The read models this process writes (a projector worker on the change stream may own a few). */
    private readonly owned: readonly ProjectionName[] = ALL_PROJECTIONS,
  ) {}

  private get ownedSql(): readonly SqlProjectionName[] {
    return SQL_PROJECTIONS.filter((name) => this.owned.includes(name));
  }

  async init(): Promise<void> {
    this.maybePendingLetters = (await countPendingDeadLetters(this.read)) > 0;
  }

  async apply(batch: Batch): Promise<BatchEffects> {
    const behind = this.ownedSql.filter((name) => {
      const at = this.checkpoints.get(name);
      return at === undefined || compareLsn(at, batch.endLsn) < 0;
    });
    if (behind.length === 0) return noEffects();
    let effects = noEffects();
    if (!touchesAnything(batch.touches)) {
      await saveCheckpoints(this.read, behind, batch.endLsn, batch.lastCommitTime, batch.endSeq);
    } else {
      try {
        effects = await this.whenVisible(() => this.attempt(batch, behind, { partial: true }));
      } catch (error) {
        if (!isPoison(error)) throw error;
        this.log.warn({ err: error, lsn: batch.endLsn }, 'a change could not be applied; applying key by key to isolate it');
        effects = await this.whenVisible(() => this.attempt(batch, behind, { isolate: true }));
      }
    }
    for (const name of behind) this.checkpoints.set(name, batch.endLsn);
    this.changesApplied += batch.touches.changeCount;
    return effects;
  }

  /**
   * Recomputes what `touches` reach, at the position the lane is at. A rebuild calls this just
   * before it switches in rows that differ from the live ones: other projections find their
   * keys in the live rows' previous state (the customer of a deleted order, the category a
   * product was in), and the fresh rows, read from a snapshot ahead of the lane, no longer show
   * it: the batch carrying that change would then miss those keys for good.
   */
  async reconcile(touches: Touches): Promise<void> {
    if (!touchesAnything(touches)) return;
    const at = this.checkpoints.get(productSummaries.name) ?? '0/0';
    const batch: Batch = { touches, endLsn: at, lastCommitTime: null, firstCommitTime: null, transactions: 0, xids: [] };
    try {
      await this.attempt(batch, this.ownedSql, {});
    } catch (error) {
      if (!isPoison(error)) throw error;
      await this.attempt(batch, this.ownedSql, { isolate: true });
    }
  }

  /** Retry with a fresh snapshot until it sees every transaction of the batch (a few ms at most). */
  private async whenVisible<T>(attempt: () => Promise<T>): Promise<T> {
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof NotYetVisible)) throw error;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /**
   * `isolate`: every chunk, then every key, in savepoints (to find poison). `partial`:
   * projections may keep the columns of a live row this batch cannot have changed
   * (`loadTouched`); a rebuild's reconcile and the isolating pass recompute whole.
   */
  private attempt(batch: Batch, behind: readonly SqlProjectionName[], { isolate = false, partial = false }): Promise<BatchEffects> {
    const timings: Record<string, number> = {};
    this.lastTimings = timings;
    let mark = performance.now();
    const lap = (step: string) => {
      const now = performance.now();
      timings[step] = Math.round((timings[step] ?? 0) + now - mark);
      mark = now;
    };
    return this.source.begin('isolation level repeatable read read only', async (snapshot) => {
      if (!(await allVisible(snapshot, batch.xids))) throw new NotYetVisible();
      const ctx = { snapshot, read: this.read, planned: new Map<string, string[]>() };
      const plans: { projection: SqlProjection; keys: string[] }[] = [];
      lap('snapshot');
      for (const projection of SQL_PROJECTION_LIST) {
        if (!behind.includes(projection.name)) continue;
        const keys = await projection.keys(ctx, batch.touches);
        ctx.planned.set(projection.name, keys);
        plans.push({ projection, keys });
        lap(`keys:${projection.name}`);
      }
      const requests = await loadRequests(snapshot, [...batch.touches.keys.request]);
      const shadowWrites: [Shadow, string[]][] = [];
      const queue: QueueBatch = { lsn: batch.endLsn, sinceLsn: this.checkpoints.get(productSummaries.name) ?? '0/0', sinceCommitAt: batch.firstCommitTime };
      const effects = await this.read.begin(async (tx) => {
        await this.fence(tx);
        const out = noEffects();
        lap('begin');
        for (const { projection, keys } of plans) {
          // A key whose change was dead-lettered kept an old row: only a whole recompute repairs it.
          const load: Loader = partial && !this.maybePendingLetters && projection.loadTouched ? (part) => projection.loadTouched!(ctx, tx, part) : (part) => projection.load(snapshot, part);
          const applied = await this.applyKeys(tx, snapshot, projection, keys, batch.endLsn, isolate, shadowWrites, load);
          if (this.maybePendingLetters && !projection.whole) await resolveDeadLetters(tx, projection.name, applied, 'applied by a later change');
          lap(`apply:${projection.name}:${keys.length}`);
          // The index is written from these rows: queued with them, so a crash cannot separate the two.
          if (projection.name === productSummaries.name) await queueForSearch(tx, applied, queue);
          lap('queue');
        }
        for (const request of requests) await this.handleRequest(tx, snapshot, request, queue, out, shadowWrites);
        await saveCheckpoints(tx, behind, batch.endLsn, batch.lastCommitTime, batch.endSeq);
        lap('checkpoint');
        return out;
      }).finally(() => lap('commit'));
      // Only once committed: a rebuild skips these keys because the lane already wrote them.
      for (const [shadow, keys] of shadowWrites) for (const key of keys) shadow.touched.add(key);
      return effects;
    });
  }

  /** Returns the keys applied (all of them, unless isolating found poison). */
  private async applyKeys(
    tx: ReadSql,
    snapshot: Source,
    projection: SqlProjection,
    keys: string[],
    lsn: string,
    isolate: boolean,
    shadowWrites: [Shadow, string[]][],
    load: Loader,
  ): Promise<string[]> {
    const applied: string[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const part = keys.slice(i, i + CHUNK);
      if (!isolate) {
        await this.write(tx, projection, part, await load(part), shadowWrites);
        applied.push(...part);
        continue;
      }
      try {
        await savepoints(tx, snapshot, async (sp, snap) => this.write(sp, projection, part, await projection.load(snap, part), shadowWrites));
        applied.push(...part);
      } catch (error) {
        if (!isPoison(error)) throw error;
        for (const key of part) if (await this.applyOne(tx, snapshot, projection, key, lsn, shadowWrites)) applied.push(key);
      }
    }
    return applied;
  }

  /** One key in its own savepoints; a poison failure becomes (another attempt of) a dead letter. */
  private async applyOne(tx: ReadSql, snapshot: Source, projection: SqlProjection, key: string, lsn: string, shadowWrites: [Shadow, string[]][]): Promise<boolean> {
    let rows: Row[] | undefined;
    try {
      await savepoints(tx, snapshot, async (sp, snap) => {
        rows = await projection.load(snap, [key]);
        await this.write(sp, projection, [key], rows, shadowWrites);
      });
      return true;
    } catch (error) {
      if (!isPoison(error)) throw error;
      this.log.error({ err: error, projection: projection.name, key, lsn }, 'dead letter: the projection cannot apply this key');
      await recordDeadLetter(tx, { projection: projection.name, key, lsn, error, payload: rows ?? { key } });
      this.maybePendingLetters = true;
      return false;
    }
  }

  private async write(tx: ReadSql, projection: SqlProjection, keys: string[], rows: Row[], shadowWrites: [Shadow, string[]][]): Promise<void> {
    await replaceRows(tx, projection, projection.table, keys, rows);
    const shadow = this.shadows.get(projection.name);
    if (shadow) {
      await replaceRows(tx, projection, shadow.table, keys, rows);
      shadowWrites.push([shadow, keys]);
    }
  }

  private async handleRequest(tx: ReadSql, snapshot: Source, request: ProjectorRequest, queue: QueueBatch, out: BatchEffects, shadowWrites: [Shadow, string[]][]): Promise<void> {
    const lsn = queue.lsn;
    // Another worker on the change stream owns that read model: it handles the request.
    if (request.kind === 'rebuild' && !this.owned.some((name) => name === request.target)) return;
    if (request.kind === 'rebuild') {
      // Recorded with the batch: a crash before the rebuild starts finds it queued at restart.
      if (await queueRebuild(tx, request)) out.rebuilds.push({ requestId: request.id, projection: request.target, requestedAt: request.requestedAt });
      return;
    }
    const letter = await findPendingDeadLetter(tx, request.target);
    if (letter && !this.owned.some((name) => name === letter.projection)) return;
    if (!letter) {
      this.log.info({ deadLetter: request.target }, 'retry requested for a dead letter that is not pending; nothing to do');
      return;
    }
    if (letter.projection === PRODUCT_SEARCH) {
      // Resolved by the search lane once Meilisearch takes the document.
      await queueForSearch(tx, [letter.key], queue);
      return;
    }
    const projection = sqlProjection(letter.projection);
    if (!projection) return;
    if (await this.applyOne(tx, snapshot, projection, letter.key, lsn, shadowWrites)) {
      await resolveDeadLetters(tx, projection.name, [letter.key], 'retried');
      // The index is filled from product_summaries: the row it lacked is there now.
      if (projection.name === productSummaries.name) await queueForSearch(tx, [letter.key], queue);
      this.log.info({ deadLetter: letter.id, projection: projection.name, key: letter.key }, 'dead letter retried and applied');
    }
  }
}

/** Run `fn` inside a savepoint on both the read transaction and the snapshot, so a failure leaves both usable. */
async function savepoints(tx: ReadSql, snapshot: Source, fn: (sp: ReadSql, snap: Source) => Promise<void>): Promise<void> {
  await (tx as postgres.TransactionSql).savepoint(async (sp) => {
    await (snapshot as postgres.TransactionSql).savepoint(async (snap) => {
      await fn(sp, snap);
    });
  });
}

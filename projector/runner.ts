import { Meilisearch } from 'meilisearch';
import postgres from 'postgres';
import { ALL_PROJECTIONS, PRODUCT_SEARCH, type ProjectionName } from '@/db/read/projections';
import { PROJECTED_TABLES } from '@/db/write/schema';
import type { ProjectorEnv } from '@/lib/env';
import { compareLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import { lowestCheckpoint, readCheckpoints } from './checkpoints';
import { Leadership } from './leadership';
import { loadFromSnapshot } from './initialLoad';
import { Monitor } from './monitor';
import { Pipeline } from './pipeline';
import type { ReadSql } from './projections/types';
import { PayloadBudget } from './projections/productSearch/payloadBudget';
import { Rebuilds } from './rebuild';
import { SearchLane } from './searchLane';
import { SessionBackoff } from './sessionBackoff';
import { createSlotWithSnapshot, dropSlot, freeSlot, identifySystem, readSlot } from './source/slot';
import { checkpointsDistrust, readLoadedFrom } from './sourceIdentity';
import { ReplicationStream, type ChangeSource } from './source/stream';
import { StreamConsumer } from './changeStream/consumer';
import { prepareWorker, type WorkerStart } from './changeStream/workerStart';
import { SqlLane } from './sqlLane';

/**
 * The projector's life: prepare (slot, initial load when needed) → stream → on any failure
 * back off and start again from the durable checkpoints. Nothing in memory is needed to
 * resume, so a crash at any instant loses nothing.
 */
export class ProjectorRunner {
  private source!: postgres.Sql;
  private read!: postgres.Sql;
  private readonly meili: Meilisearch;
  private readonly budget: PayloadBudget;
  private abandon: ((error: Error) => void) | undefined;
  private readonly monitor: Monitor;
  private readonly leadership: Leadership;
  private stopping = false;
  private current: { stream: ChangeSource; pipeline: Pipeline; search: SearchLane; rebuilds: Rebuilds } | undefined;
  /** The wait between sessions in hand: a lost lease or a stop ends it at once. */
  private backoff: SessionBackoff | undefined;

  constructor(
    private readonly env: ProjectorEnv,
    private readonly log: Logger,
  ) {
    this.connect();
    // A bounded request time: a hung Meilisearch turns into a retry instead of a stuck lane.
    this.meili = new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, timeout: 30_000 });
    this.budget = new PayloadBudget(env.MEILI_PAYLOAD_LIMIT_BYTES);
    // Processes building the same read models from the same source take turns; workers on the
    // change stream with other read models run side by side.
    this.leadership = new Leadership({ readUrl: env.PROJECTOR_READ_DATABASE_URL, slot: this.consumerName ?? env.REPLICATION_SLOT, leaseMs: env.PROJECTOR_LEASE_MS, log });
    this.monitor = new Monitor({
      clients: () => ({ source: this.source, read: this.read }),
      slot: env.REPLICATION_SLOT,
      log,
      host: env.PROJECTOR_METRICS_HOST,
      port: env.PROJECTOR_METRICS_PORT,
      restarts: env.PROJECTOR_RESTARTS,
      active: () => this.leadership.role === 'active',
      owned: this.owned,
    });
  }

  async run(): Promise<void> {
    await this.monitor.start().catch((error: unknown) => this.log.warn({ err: error }, 'monitor did not start'));
    while (!this.stopping) {
      this.monitor.setState('standby');
      this.log.info({ instance: this.leadership.id }, 'standing by until no other projector streams');
      if (!(await this.leadership.acquire((error) => this.leadershipLost(error)))) break;
      await this.sessions();
    }
    await this.monitor.stop().catch(() => {});
    await this.leadership.stop().catch(() => {});
    await this.source.end({ timeout: 5 });
    await this.read.end({ timeout: 5 });
  }

  /**
   * Another process took over (this one stalled past its lease), or the lock's session ended (a
   * database restart): the session is abandoned like after a driver fault, and whatever it still
   * has in flight is fenced off (leadership.ts). The process stands by again.
   */
  private leadershipLost(error: Error): void {
    this.abandonSession(error, 'no longer the active projector: abandoning the session and standing by');
    this.backoff?.wake();
  }

  private async sessions(): Promise<void> {
    const backoff = new SessionBackoff();
    this.backoff = backoff;
    while (!this.stopping && this.leadership.role === 'active') {
      const started = Date.now();
      try {
        await Promise.race([
          this.session(),
          new Promise<never>((_, reject) => {
            this.abandon = reject;
          }),
        ]);
      } catch (error) {
        if (this.stopping || this.leadership.role !== 'active') break;
        this.monitor.setState('reconnecting', error);
        this.log.warn({ err: error, retryInMs: backoff.nextMs }, 'projector session failed; retrying');
      }
      if (this.stopping) break;
      await backoff.wait(started);
    }
  }

  private connect(): void {
    // No JIT: the by-key recompute queries are estimated far above jit_above_cost (recursive
    // CTEs), and compiling them took 640 of 790 ms for 5,000 products (see docs/benchmarks.md).
    const options = { max: 4, onnotice: () => {}, connection: { application_name: 'projector', jit: 'off' } };
    this.source = postgres(this.env.PROJECTOR_DATABASE_URL, options);
    // Unprepared: postgres.js keeps every named statement for the connection's life, and a
    // multi-row insert has a new text for each row count (up to 1,000 rows x 19 columns):
    // a heap snapshot at 500k changes behind held 40 MB of such statement texts and keys,
    // and the Postgres backends held their plans. Parsing an insert each time costs little.
    this.read = postgres(this.env.PROJECTOR_READ_DATABASE_URL, { ...options, prepare: false });
  }

  /**
   * postgres.js 3.4.9 can throw outside any promise when a transaction is rolled back on a
   * connection the server has just closed (porsager/postgres#1154, #1208); the statements in
   * flight then never settle. The session is abandoned: its clients are closed (so nothing
   * late can write), fresh ones are made, and the next session resumes from the durable
   * checkpoints like after any other failure.
   */
  recoverFromDriverFault(error: unknown): void {
    this.abandonSession(error, 'database driver failed on a closed connection; starting a fresh session');
  }

  /** Ends the session in hand without waiting for it: its clients are closed, so nothing late can write. */
  private abandonSession(error: unknown, message: string): void {
    this.log.warn({ err: error }, message);
    const stale = { source: this.source, read: this.read, current: this.current };
    this.current = undefined;
    this.connect();
    stale.current?.rebuilds.stop();
    void stale.current?.search.stop();
    void stale.current?.stream.stop().catch(() => {});
    void stale.source.end({ timeout: 0 }).catch(() => {});
    void stale.read.end({ timeout: 0 }).catch(() => {});
    this.abandon?.(new Error(`session abandoned: ${message}`, { cause: error }));
  }

  /** Finish the batch in hand, then stop streaming. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.leadership.halt();
    this.backoff?.wake();
    const current = this.current;
    if (current) {
      current.rebuilds.stop();
      await current.pipeline.drain().catch(() => {});
      await current.search.stop();
      await current.stream.stop();
    }
  }

  /** A worker on the change stream: its durable consumer's name. */
  private get consumerName(): string | undefined {
    if (!this.env.CHANGE_STREAM_URL) return undefined;
    return this.env.CHANGE_STREAM_CONSUMER ?? `projector_${this.env.PROJECTIONS.length === ALL_PROJECTIONS.length ? 'all' : this.env.PROJECTIONS.join('-')}`;
  }

  private get owned(): readonly ProjectionName[] {
    return this.env.CHANGE_STREAM_URL ? this.env.PROJECTIONS : ALL_PROJECTIONS;
  }

  private async session(): Promise<void> {
    this.monitor.setState('starting');
    let start: { lsn: string } | WorkerStart;
    if (this.env.CHANGE_STREAM_URL) {
      start = await prepareWorker({ read: this.read, url: this.env.CHANGE_STREAM_URL, owned: this.owned, log: this.log });
    } else {
      start = { lsn: await this.prepareSlot() };
    }
    if (this.stopping) return;
    const owned = this.owned;
    const checkpoints = await readCheckpoints(this.read);
    const fence = (tx: ReadSql) => this.leadership.fence(tx);
    const guard = () => this.leadership.assertLease();
    const sql = new SqlLane(this.source, this.read, checkpoints, this.log, fence, owned);
    const search = new SearchLane({ read: this.read, meili: this.meili, indexUid: this.env.MEILI_INDEX, log: this.log, budget: this.budget, guard, enabled: owned.includes(PRODUCT_SEARCH) }, checkpoints);
    await sql.init();
    if (owned.includes(PRODUCT_SEARCH)) await search.init();
    const rebuilds = new Rebuilds({
      source: this.source,
      read: this.read,
      meili: this.meili,
      indexUid: this.env.MEILI_INDEX,
      log: this.log,
      budget: this.budget,
      sql,
      search,
      betweenBatches: (fn) => pipeline.exclusive(fn),
      fence,
      guard,
      owned,
    });
    await rebuilds.recover();
    const pipeline: Pipeline = new Pipeline({ sql, search, rebuilds }, checkpoints, this.log, this.env.PROJECTOR_BATCH_CHANGES, owned);
    const stream =
      'lsn' in start
        ? new ReplicationStream({ connectionString: this.env.PROJECTOR_DATABASE_URL, slot: this.env.REPLICATION_SLOT, tables: PROJECTED_TABLES, log: this.log }, pipeline)
        : new StreamConsumer({ url: this.env.CHANGE_STREAM_URL!, consumer: this.consumerName!, log: this.log }, pipeline);
    pipeline.attach(stream);
    await rebuilds.resumeQueued();
    this.current = { stream, pipeline, search, rebuilds };
    this.monitor.attach({
      checkpoints,
      sqlChanges: () => sql.changesApplied,
      searchChanges: () => search.changesApplied,
      sqlPendingSince: () => pipeline.pendingSince,
      searchPendingSince: () => search.pendingSince,
      searchBacklog: () => search.backlog,
    });
    this.monitor.setState('streaming');
    try {
      if (stream instanceof ReplicationStream && 'lsn' in start) {
        this.log.info({ lsn: start.lsn, slot: this.env.REPLICATION_SLOT }, 'streaming');
        await stream.run(start.lsn);
      } else if (stream instanceof StreamConsumer && 'startSeq' in start) {
        this.log.info({ seq: start.startSeq, consumer: this.consumerName, projections: owned }, 'streaming from the change stream');
        if (start.initial) await pipeline.onTransaction(start.initial);
        await stream.run(start.startSeq, start.midway);
      }
    } finally {
      this.current = undefined;
      rebuilds.stop();
      // The batch in hand may still be writing: the next session replays only once it is done.
      await pipeline.close();
      await search.stop();
      await rebuilds.settled();
      this.monitor.attach(undefined);
    }
  }

  /**
   * Streaming can resume only when every read model holds what the slot has confirmed.
   * Otherwise (no slot, slot lost, read models empty or restored from an older backup) the
   * slot is recreated and the read models loaded from its exported snapshot.
   */
  private async prepareSlot(): Promise<string> {
    await freeSlot(this.source, this.env.REPLICATION_SLOT);
    const slot = await readSlot(this.source, this.env.REPLICATION_SLOT);
    const checkpoints = await readCheckpoints(this.read);
    const lowest = lowestCheckpoint(checkpoints);
    const server = await identifySystem(this.env.PROJECTOR_DATABASE_URL);
    const missing = ALL_PROJECTIONS.filter((p) => !checkpoints.has(p));
    const reason = !slot
      ? 'no replication slot yet'
      : slot.walStatus === 'lost'
        ? 'the slot lost WAL it needed (max_slot_wal_keep_size)'
        : !lowest || missing.length > 0
          ? `read models without a checkpoint (${missing.join(', ')})`
          : (checkpointsDistrust(await readLoadedFrom(this.read), server, lowest) ??
            (slot.confirmedFlushLsn && compareLsn(lowest, slot.confirmedFlushLsn) < 0
              ? `read models (at ${lowest}) are behind the slot (at ${slot.confirmedFlushLsn})`
              : undefined));
    if (!reason) return lowest!;

    this.monitor.setState('initial-load');
    this.log.info({ reason }, 'building read models from a snapshot');
    if (slot) await dropSlot(this.source, this.env.REPLICATION_SLOT);
    const exported = await createSlotWithSnapshot(this.env.PROJECTOR_DATABASE_URL, this.env.REPLICATION_SLOT);
    try {
      await loadFromSnapshot(
        { source: this.source, read: this.read, meili: this.meili, indexUid: this.env.MEILI_INDEX, log: this.log, budget: this.budget },
        { name: exported.snapshotName, lsn: exported.consistentPoint, server, slot: this.env.REPLICATION_SLOT },
      );
    } finally {
      await exported.release();
    }
    return exported.consistentPoint;
  }
}

import type { Server } from 'node:http';
import type postgres from 'postgres';
import { ALL_PROJECTIONS, type ProjectionName, PRODUCT_SEARCH, SQL_PROJECTIONS } from '@/db/read/projections';
import { lsnDistance, lsnToBigInt } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { Checkpoints } from './checkpoints';
import { createMetrics, serveMetrics } from './metrics';

const INTERVAL_MS = 2000;

/** What a running session shows of itself. */
export interface SessionView {
  checkpoints: Checkpoints;
  sqlChanges(): number;
  searchChanges(): number;
  sqlPendingSince(): Date | undefined;
  searchPendingSince(): Date | undefined;
  searchBacklog(): number;
}

export type ProjectorState = 'standby' | 'starting' | 'initial-load' | 'streaming' | 'reconnecting' | 'stopped';

/**
 * Every couple of seconds: per projection checkpoint, lag in bytes and milliseconds,
 * changes/s, dead letters, and the slot's retained WAL, written to `projector_status` /
 * `projector_process` (what `system.status` reads) and kept as Prometheus metrics.
 */
export class Monitor {
  private readonly metrics = createMetrics();
  private session: SessionView | undefined;
  private state: ProjectorState = 'standby';
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private server: Server | undefined;
  private readonly startedAt = new Date();
  private previous: { at: number; sql: number; search: number } | undefined;
  private totals = { sql: 0, search: 0 };

  constructor(
    private readonly deps: {
      clients: () => { source: postgres.Sql; read: postgres.Sql };
      slot: string;
      log: Logger;
      host: string;
      port: number;
      /** Times a supervisor (`npm start`) restarted this process after it died. */
      restarts: number;
      /** Only the active process reports: a standby would overwrite the active one's status. */
      active: () => boolean;
      /** The read models this process builds (a worker on the change stream): it reports only theirs. */
      owned?: readonly ProjectionName[];
    },
  ) {}

  async start(): Promise<void> {
    this.server = await serveMetrics(this.metrics.registry, { host: this.deps.host, port: this.deps.port, state: () => this.state, log: this.deps.log });
    this.timer = setInterval(() => void this.tick(), INTERVAL_MS);
    this.timer.unref();
    await this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.setState('stopped');
    await this.tick();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  attach(session: SessionView | undefined): void {
    if (this.session) {
      this.totals.sql += this.session.sqlChanges();
      this.totals.search += this.session.searchChanges();
    }
    this.session = session;
  }

  setState(state: ProjectorState, error?: unknown): void {
    this.state = state;
    if (error !== undefined) this.lastError = error instanceof Error ? error.message : String(error);
    else if (state === 'streaming') this.lastError = null;
    this.metrics.streaming.set(state === 'streaming' ? 1 : 0);
  }

  private tickStarted = 0;

  private async tick(): Promise<void> {
    // A report stuck on a dead connection must not stop the next ones.
    if (this.tickStarted && Date.now() - this.tickStarted < 15_000) return;
    const started = (this.tickStarted = Date.now());
    try {
      await this.collect();
    } catch (error) {
      this.deps.log.debug({ err: error }, 'status not written this time');
    } finally {
      if (this.tickStarted === started) this.tickStarted = 0;
    }
  }

  private async collect(): Promise<void> {
    if (!this.deps.active()) return;
    const { slot } = this.deps;
    const { source, read } = this.deps.clients();
    const [wal] = await source<{ wal: string; retained: string | null; walStatus: string | null }[]>`
      select pg_current_wal_lsn()::text as wal,
             (select pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::int8 from pg_replication_slots where slot_name = ${slot}) as retained,
             (select wal_status from pg_replication_slots where slot_name = ${slot}) as "walStatus"`;
    const now = Date.now();
    const session = this.session;
    const sqlTotal = this.totals.sql + (session?.sqlChanges() ?? 0);
    const searchTotal = this.totals.search + (session?.searchChanges() ?? 0);
    const seconds = this.previous ? (now - this.previous.at) / 1000 : 0;
    const rate = (total: number, before: number | undefined) => (seconds > 0 && before !== undefined ? Math.max(0, (total - before) / seconds) : 0);
    const sqlRate = rate(sqlTotal, this.previous?.sql);
    const searchRate = rate(searchTotal, this.previous?.search);
    if (this.previous) {
      for (const name of SQL_PROJECTIONS) this.metrics.changes.inc({ projection: name }, Math.max(0, sqlTotal - this.previous.sql));
      this.metrics.changes.inc({ projection: PRODUCT_SEARCH }, Math.max(0, searchTotal - this.previous.search));
    }
    this.previous = { at: now, sql: sqlTotal, search: searchTotal };

    const letters = await read<{ projection: string; n: number }[]>`
      select projection, count(*)::int as n from dead_letters where status = 'pending' group by projection`;
    const checkpoints = session?.checkpoints ?? new Map();
    const rows = (this.deps.owned ?? ALL_PROJECTIONS).map((name) => {
      const search = name === PRODUCT_SEARCH;
      const lsn = checkpoints.get(name) ?? null;
      const since = search ? session?.searchPendingSince() : session?.sqlPendingSince();
      const lagBytes = lsn ? Number(lsnDistance(lsn, wal!.wal) > 0n ? lsnDistance(lsn, wal!.wal) : 0n) : null;
      const lagMs = since ? Math.max(0, now - since.getTime()) : lsn ? 0 : null;
      const changesPerSecond = search ? searchRate : sqlRate;
      this.metrics.checkpoint.set({ projection: name }, lsn ? Number(lsnToBigInt(lsn)) : 0);
      if (lagBytes !== null) this.metrics.lagBytes.set({ projection: name }, lagBytes);
      if (lagMs !== null) this.metrics.lagSeconds.set({ projection: name }, lagMs / 1000);
      this.metrics.changesPerSecond.set({ projection: name }, changesPerSecond);
      this.metrics.deadLetters.set({ projection: name }, letters.find((l) => l.projection === name)?.n ?? 0);
      return {
        projection: name,
        checkpoint_lsn: lsn,
        lag_bytes: lagBytes,
        lag_ms: lagMs,
        changes_per_second: changesPerSecond,
        changes_total: search ? searchTotal : sqlTotal,
        backlog: search ? (session?.searchBacklog() ?? 0) : 0,
        updated_at: new Date(now),
      };
    });
    const retained = wal!.retained === null ? null : Number(wal!.retained);
    if (retained !== null) this.metrics.slotRetained.set(retained);
    this.metrics.searchBacklog.set(session?.searchBacklog() ?? 0);

    await read.begin(async (tx) => {
      await tx`
        insert into projector_status ${tx(rows)}
        on conflict (projection) do update set
          checkpoint_lsn = excluded.checkpoint_lsn, lag_bytes = excluded.lag_bytes, lag_ms = excluded.lag_ms,
          changes_per_second = excluded.changes_per_second, changes_total = excluded.changes_total,
          backlog = excluded.backlog, updated_at = excluded.updated_at`;
      await tx`
        insert into projector_process (id, state, slot_name, wal_lsn, slot_retained_bytes, slot_wal_status, last_error, pid, started_at, updated_at, streaming, restarts)
        values (1, ${this.state}, ${slot}, ${wal!.wal}::pg_lsn, ${retained}, ${wal!.walStatus}, ${this.lastError}, ${process.pid}, ${this.startedAt}, now(), ${this.state === 'streaming'}, ${this.deps.restarts})
        on conflict (id) do update set
          state = excluded.state, slot_name = excluded.slot_name, wal_lsn = excluded.wal_lsn,
          slot_retained_bytes = excluded.slot_retained_bytes, slot_wal_status = excluded.slot_wal_status,
          last_error = excluded.last_error, pid = excluded.pid, started_at = excluded.started_at,
          updated_at = excluded.updated_at, streaming = excluded.streaming, restarts = excluded.restarts`;
    });
  }
}

import { count, desc, eq, sql } from 'drizzle-orm';
import type { ReadDb, ReadTx } from '@/db/clients';
import { ALL_PROJECTIONS, type ProjectionName } from '@/db/read/projections';
import { deadLetters, projectionCheckpoints, projectionRebuilds, projectorInstances, projectorProcess, projectorStatus, type REBUILD_STATUSES } from '@/db/read/schema';

/** The projector reports every ~2 s: a report older than this means it is not running. */
export const PROCESS_ALIVE_WITHIN_MS = 10_000;
const RECENT_REBUILDS = 10;

export interface ProjectionStatusView {
  projection: ProjectionName;
  /** Last transaction the projection has applied (commit end LSN); null before its first load. */
  checkpointLsn: string | null;
  lastCommitAt: Date | null;
  lagBytes: number | null;
  lagMs: number | null;
  changesPerSecond: number;
  changesTotal: number;
  backlog: number;
  pendingDeadLetters: number;
  /** When the projector last reported on this projection; null if it never has. */
  updatedAt: Date | null;
}

export interface ProjectorProcessView {
  state: string;
  slotName: string;
  walLsn: string | null;
  slotRetainedBytes: number | null;
  slotWalStatus: string | null;
  lastError: string | null;
  streaming: boolean;
  startedAt: Date;
  updatedAt: Date;
  /** Reported within the last 10 s (by the database's clock). */
  alive: boolean;
  /** Times its supervisor (`npm start`) has restarted it after it died; 0 when started by hand. */
  restarts: number;
}

export interface RebuildView {
  id: string;
  projection: string;
  status: (typeof REBUILD_STATUSES)[number];
  total: number;
  done: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** One projector process: the active one streams, standbys wait to take over (docs/deployment.md). */
export interface ProjectorInstanceView {
  id: string;
  host: string;
  pid: number;
  role: 'active' | 'standby';
  startedAt: Date;
  activeSince: Date | null;
  heartbeatAt: Date;
  /** Heartbeat within the last 10 s (by the database's clock). */
  alive: boolean;
}

export interface SystemStatus {
  projections: ProjectionStatusView[];
  /** Null when no projector has ever reported. */
  process: ProjectorProcessView | null;
  /** Every projector process heard from in the last minute: active first. */
  instances: ProjectorInstanceView[];
  /** Newest first. */
  rebuilds: RebuildView[];
}

type CheckpointRow = { projection: string; lsn: string; lastCommitAt: Date | null };
type StatusRow = Pick<ProjectionStatusView, 'checkpointLsn' | 'lagBytes' | 'lagMs' | 'changesPerSecond' | 'changesTotal' | 'backlog'> & {
  projection: string;
  updatedAt: Date;
};
type PendingRow = { projection: string; pending: number };

/** The projector's health, read in one snapshot so the numbers agree with each other. */
export async function systemStatus(db: ReadDb): Promise<SystemStatus> {
  return db.transaction(
    async (tx) => ({
      projections: combineProjectionStatus(await readCheckpoints(tx), await readStatusRows(tx), await countPendingDeadLetters(tx)),
      process: await readProcess(tx),
      instances: await readInstances(tx),
      rebuilds: await readRecentRebuilds(tx),
    }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** One entry per known projection, in registry order, whether or not the projector has reported on it yet. */
export function combineProjectionStatus(checkpoints: CheckpointRow[], statuses: StatusRow[], pending: PendingRow[]): ProjectionStatusView[] {
  return ALL_PROJECTIONS.map((projection) => {
    const checkpoint = checkpoints.find((c) => c.projection === projection);
    const status = statuses.find((s) => s.projection === projection);
    return {
      projection,
      checkpointLsn: checkpoint?.lsn ?? status?.checkpointLsn ?? null,
      lastCommitAt: checkpoint?.lastCommitAt ?? null,
      lagBytes: status?.lagBytes ?? null,
      lagMs: status?.lagMs ?? null,
      changesPerSecond: status?.changesPerSecond ?? 0,
      changesTotal: status?.changesTotal ?? 0,
      backlog: status?.backlog ?? 0,
      pendingDeadLetters: pending.find((p) => p.projection === projection)?.pending ?? 0,
      updatedAt: status?.updatedAt ?? null,
    };
  });
}

async function readCheckpoints(tx: ReadTx): Promise<CheckpointRow[]> {
  return tx
    .select({ projection: projectionCheckpoints.projection, lsn: projectionCheckpoints.lsn, lastCommitAt: projectionCheckpoints.lastCommitAt })
    .from(projectionCheckpoints);
}

async function readStatusRows(tx: ReadTx): Promise<StatusRow[]> {
  return tx
    .select({
      projection: projectorStatus.projection,
      checkpointLsn: projectorStatus.checkpointLsn,
      lagBytes: projectorStatus.lagBytes,
      lagMs: projectorStatus.lagMs,
      changesPerSecond: projectorStatus.changesPerSecond,
      changesTotal: projectorStatus.changesTotal,
      backlog: projectorStatus.backlog,
      updatedAt: projectorStatus.updatedAt,
    })
    .from(projectorStatus);
}

async function countPendingDeadLetters(tx: ReadTx): Promise<PendingRow[]> {
  return tx
    .select({ projection: deadLetters.projection, pending: count() })
    .from(deadLetters)
    .where(eq(deadLetters.status, 'pending'))
    .groupBy(deadLetters.projection);
}

async function readProcess(tx: ReadTx): Promise<ProjectorProcessView | null> {
  const [row] = await tx
    .select({
      state: projectorProcess.state,
      slotName: projectorProcess.slotName,
      walLsn: projectorProcess.walLsn,
      slotRetainedBytes: projectorProcess.slotRetainedBytes,
      slotWalStatus: projectorProcess.slotWalStatus,
      lastError: projectorProcess.lastError,
      streaming: projectorProcess.streaming,
      startedAt: projectorProcess.startedAt,
      updatedAt: projectorProcess.updatedAt,
      // The database's clock, which also stamped updated_at: no skew with the web server's.
      alive: sql<boolean>`${projectorProcess.updatedAt} > now() - make_interval(secs => ${PROCESS_ALIVE_WITHIN_MS / 1000}::float8)`,
      restarts: projectorProcess.restarts,
    })
    .from(projectorProcess)
    .where(eq(projectorProcess.id, 1));
  return row ?? null;
}

async function readInstances(tx: ReadTx): Promise<ProjectorInstanceView[]> {
  return tx
    .select({
      id: projectorInstances.id,
      host: projectorInstances.host,
      pid: projectorInstances.pid,
      role: projectorInstances.role,
      startedAt: projectorInstances.startedAt,
      activeSince: projectorInstances.activeSince,
      heartbeatAt: projectorInstances.heartbeatAt,
      alive: sql<boolean>`${projectorInstances.heartbeatAt} > now() - make_interval(secs => ${PROCESS_ALIVE_WITHIN_MS / 1000}::float8)`,
    })
    .from(projectorInstances)
    .orderBy(projectorInstances.role, projectorInstances.startedAt);
}

async function readRecentRebuilds(tx: ReadTx): Promise<RebuildView[]> {
  return tx
    .select({
      id: projectionRebuilds.id,
      projection: projectionRebuilds.projection,
      status: projectionRebuilds.status,
      total: projectionRebuilds.total,
      done: projectionRebuilds.done,
      error: projectionRebuilds.error,
      startedAt: projectionRebuilds.startedAt,
      finishedAt: projectionRebuilds.finishedAt,
    })
    .from(projectionRebuilds)
    .orderBy(desc(projectionRebuilds.startedAt))
    .limit(RECENT_REBUILDS);
}

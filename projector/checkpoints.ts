import type postgres from 'postgres';
import { isProjectionName, SQL_PROJECTIONS, type ProjectionName } from '@/db/read/projections';
import { minLsn } from '@/lib/lsn';
import type { ReadSql } from './projections/types';

export type Checkpoints = Map<ProjectionName, string>;

export async function readCheckpoints(sql: postgres.Sql): Promise<Checkpoints> {
  const rows = await sql<{ projection: string; lsn: string }[]>`select projection, lsn::text as lsn from projection_checkpoints`;
  const checkpoints: Checkpoints = new Map();
  for (const { projection, lsn } of rows) if (isProjectionName(projection)) checkpoints.set(projection, lsn);
  return checkpoints;
}

/**
 * Moves checkpoints forward only, never back (a replayed batch cannot rewind them). A worker on
 * the change stream also records the stream sequence it has applied up to (`streamSeq`).
 */
export async function saveCheckpoints(sql: ReadSql, projections: readonly ProjectionName[], lsn: string, lastCommitAt: Date | null, streamSeq?: number): Promise<void> {
  if (projections.length === 0) return;
  await sql`
    insert into projection_checkpoints (projection, lsn, last_commit_at, updated_at, stream_seq)
    select p, ${lsn}::pg_lsn, ${lastCommitAt}::timestamptz, now(), ${streamSeq ?? null}::int8 from unnest(${projections as string[]}::text[]) p
    on conflict (projection) do update set
      lsn = greatest(projection_checkpoints.lsn, excluded.lsn),
      last_commit_at = coalesce(excluded.last_commit_at, projection_checkpoints.last_commit_at),
      updated_at = excluded.updated_at,
      stream_seq = coalesce(greatest(projection_checkpoints.stream_seq, excluded.stream_seq), excluded.stream_seq, projection_checkpoints.stream_seq)`;
}

/** The stream sequence each projection has applied up to (projector workers on the change stream). */
export async function readStreamSeqs(sql: postgres.Sql): Promise<Map<ProjectionName, number>> {
  const rows = await sql<{ projection: string; seq: string }[]>`select projection, stream_seq::text as seq from projection_checkpoints where stream_seq is not null`;
  const seqs = new Map<ProjectionName, number>();
  for (const { projection, seq } of rows) if (isProjectionName(projection)) seqs.set(projection, Number(seq));
  return seqs;
}

/**
 * Where streaming resumes, and how far the slot may be acknowledged: what every SQL read model
 * has made durable. The search index does not hold the slot back: the SQL lane queues its work
 * durably in the read database (search_queue) in the same transaction as the summary rows.
 */
export function lowestCheckpoint(checkpoints: Checkpoints, owned: readonly ProjectionName[] = SQL_PROJECTIONS): string | undefined {
  let lowest: string | undefined;
  for (const name of SQL_PROJECTIONS) {
    if (!owned.includes(name)) continue;
    const lsn = checkpoints.get(name);
    if (lsn === undefined) return undefined;
    lowest = lowest === undefined ? lsn : minLsn(lowest, lsn);
  }
  return lowest;
}

/**
 * Sets checkpoints to exactly `lsn`, even backwards: only for a load from a new snapshot, whose
 * position may be lower than checkpoints taken against another server (a write database
 * restored or recreated), which would otherwise make every batch look applied already.
 */
export async function resetCheckpoints(sql: ReadSql, projections: readonly ProjectionName[], lsn: string): Promise<void> {
  await sql`delete from projection_checkpoints where projection <> all(${projections as string[]}::text[])`;
  await sql`
    insert into projection_checkpoints (projection, lsn, last_commit_at, updated_at)
    select p, ${lsn}::pg_lsn, null, now() from unnest(${projections as string[]}::text[]) p
    on conflict (projection) do update set lsn = excluded.lsn, last_commit_at = null, updated_at = excluded.updated_at`;
}

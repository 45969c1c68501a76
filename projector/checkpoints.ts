import type postgres from 'postgres';
import { minLsn } from '@/lib/lsn';
import { ALL_PROJECTIONS, type ProjectionName } from './projections/registry';
import type { ReadSql } from './projections/types';

export { ALL_PROJECTIONS, SQL_PROJECTIONS, type ProjectionName } from './projections/registry';

export type Checkpoints = Map<ProjectionName, string>;

export async function readCheckpoints(sql: postgres.Sql): Promise<Checkpoints> {
  const rows = await sql<{ projection: string; lsn: string }[]>`select projection, lsn::text as lsn from projection_checkpoints`;
  const known = new Set<string>(ALL_PROJECTIONS);
  return new Map(rows.filter((r) => known.has(r.projection)).map((r) => [r.projection as ProjectionName, r.lsn]));
}

/** Moves checkpoints forward only, never back (a replayed batch cannot rewind them). */
export async function saveCheckpoints(sql: ReadSql, projections: readonly ProjectionName[], lsn: string, lastCommitAt: Date | null): Promise<void> {
  if (projections.length === 0) return;
  await sql`
    insert into projection_checkpoints (projection, lsn, last_commit_at, updated_at)
    select p, ${lsn}::pg_lsn, ${lastCommitAt}::timestamptz, now() from unnest(${projections as string[]}::text[]) p
    on conflict (projection) do update set
      lsn = greatest(projection_checkpoints.lsn, excluded.lsn),
      last_commit_at = coalesce(excluded.last_commit_at, projection_checkpoints.last_commit_at),
      updated_at = excluded.updated_at`;
}

/** The slot may be acknowledged only up to what every projection has made durable. */
export function lowestCheckpoint(checkpoints: Checkpoints): string | undefined {
  let lowest: string | undefined;
  for (const name of ALL_PROJECTIONS) {
    const lsn = checkpoints.get(name);
    if (lsn === undefined) return undefined;
    lowest = lowest === undefined ? lsn : minLsn(lowest, lsn);
  }
  return lowest;
}

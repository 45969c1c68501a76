import { sql } from 'drizzle-orm';
import type { ReadDb, ReadTx } from '@/db/clients';
import { projectionCheckpoints } from '@/db/read/schema';
import { minLsn } from '@/lib/lsn';
import { CATEGORY_TREE } from './projections/categoryTree/apply';
import { PRODUCT_SEARCH } from './projections/productSearch/sink';
import { PRODUCT_SUMMARIES } from './projections/productSummaries/apply';

/** SQL projections share one read-DB transaction per batch; the search index has its own checkpoint. */
export const SQL_PROJECTIONS = [PRODUCT_SUMMARIES, CATEGORY_TREE] as const;
export const ALL_PROJECTIONS = [...SQL_PROJECTIONS, PRODUCT_SEARCH] as const;
export type ProjectionName = (typeof ALL_PROJECTIONS)[number];

export type Checkpoints = Map<ProjectionName, string>;

export async function readCheckpoints(db: ReadDb): Promise<Checkpoints> {
  const rows = await db.select({ projection: projectionCheckpoints.projection, lsn: projectionCheckpoints.lsn }).from(projectionCheckpoints);
  const known = new Set<string>(ALL_PROJECTIONS);
  return new Map(rows.filter((r) => known.has(r.projection)).map((r) => [r.projection as ProjectionName, r.lsn]));
}

/** Moves checkpoints forward only, never back (a replayed batch cannot rewind them). */
export async function saveCheckpoints(
  db: ReadDb | ReadTx,
  projections: readonly ProjectionName[],
  lsn: string,
  lastCommitAt: Date | null,
): Promise<void> {
  if (projections.length === 0) return;
  await db
    .insert(projectionCheckpoints)
    .values(projections.map((projection) => ({ projection, lsn, lastCommitAt, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: projectionCheckpoints.projection,
      set: {
        lsn: sql`greatest(${projectionCheckpoints.lsn}, excluded.lsn)`,
        lastCommitAt: sql`coalesce(excluded.last_commit_at, ${projectionCheckpoints.lastCommitAt})`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
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

import { sql } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import type { ProjectionName } from '@/db/read/projections';

export interface Freshness {
  /** True when the read model has applied `after` (or no `after` was asked for). */
  fresh: boolean;
  /** The read model's checkpoint when the answer was read. */
  appliedPosition: string | null;
}

/**
 * Wait, bounded, until `projection` has applied the transaction at `after`. Polls the
 * checkpoint row, which the projector moves in the same transaction as the rows.
 */
export async function waitForPosition(db: ReadDb, projection: ProjectionName, after: string | undefined, timeoutMs: number): Promise<Freshness> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 50)) {
    const rows = await db.execute<{ lsn: string; reached: boolean }>(
      sql`select lsn::text as lsn, ${after ?? '0/0'}::pg_lsn <= lsn as reached from projection_checkpoints where projection = ${projection}`,
    );
    const row = rows[0];
    if (!after || row?.reached) return { fresh: true, appliedPosition: row?.lsn ?? null };
    if (Date.now() + delay > deadline) return { fresh: false, appliedPosition: row?.lsn ?? null };
    await new Promise((r) => setTimeout(r, delay));
  }
}

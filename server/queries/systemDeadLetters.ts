import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import type { ProjectionName } from '@/db/read/projections';
import { deadLetters } from '@/db/read/schema';
import { waitForPosition, type Freshness } from './freshness';
import type { SystemDeadLettersInput } from './systemDeadLetters.input';

/**
 * The SQL projections move their checkpoints together, batch by batch: one of them tells how
 * far the dead letters they record are applied.
 */
const FRESHNESS_REFERENCE: ProjectionName = 'product_summaries';

export interface DeadLetterView {
  /** A Postgres bigint, as text. */
  id: string;
  projection: string;
  key: string;
  /** End of the batch in which the key last failed. */
  lsn: string;
  error: string;
  errorCode: string | null;
  payload: unknown;
  attempts: number;
  status: 'pending' | 'resolved';
  resolution: string | null;
  createdAt: Date;
  lastAttemptAt: Date;
  resolvedAt: Date | null;
}

export interface DeadLetterPage extends Freshness {
  items: DeadLetterView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Dead letters with one status, newest first, optionally of one projection or just one letter. */
export async function systemDeadLetters(db: ReadDb, input: SystemDeadLettersInput, waitMs: number): Promise<DeadLetterPage> {
  const freshness = await waitForPosition(db, FRESHNESS_REFERENCE, input.after, waitMs);
  const where = and(
    eq(deadLetters.status, input.status),
    input.projection ? eq(deadLetters.projection, input.projection) : undefined,
    input.id ? sql`${deadLetters.id} = ${input.id}::int8` : undefined,
  );
  const items = await db
    .select({
      id: sql<string>`${deadLetters.id}::text`,
      projection: deadLetters.projection,
      key: deadLetters.key,
      lsn: deadLetters.lsn,
      error: deadLetters.error,
      errorCode: deadLetters.errorCode,
      payload: deadLetters.payload,
      attempts: deadLetters.attempts,
      status: deadLetters.status,
      resolution: deadLetters.resolution,
      createdAt: deadLetters.createdAt,
      lastAttemptAt: deadLetters.lastAttemptAt,
      resolvedAt: deadLetters.resolvedAt,
    })
    .from(deadLetters)
    .where(where)
    .orderBy(desc(deadLetters.createdAt), desc(deadLetters.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(deadLetters).where(where);
  return { items, total, page: input.page, pageSize: input.pageSize, ...freshness };
}

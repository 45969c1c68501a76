import type postgres from 'postgres';
import { productSummaries } from './projections/productSummaries';
import type { ReadSql } from './projections/types';

/**
 * The search index's work list (`search_queue`, see db/read/schema.ts): the SQL lane queues
 * the products whose summary rows it wrote, in the same transaction; the search lane removes
 * an entry once Meilisearch has taken its document. Entries are keyed by product, so the list
 * is as large as the distinct products waiting, however long Meilisearch is away.
 */
export interface QueuedProduct {
  id: string;
  /** The batch that queued it last: removal is conditional on it. */
  lsn: string;
}

export interface QueueBatch {
  /** End of the batch queuing these products. */
  lsn: string;
  /** The SQL checkpoint before that batch. */
  sinceLsn: string;
  sinceCommitAt: Date | null;
}

export async function queueForSearch(sql: ReadSql, ids: readonly string[], batch: QueueBatch): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    insert into search_queue (product_id, lsn, since_lsn, since_commit_at)
    select id, ${batch.lsn}::pg_lsn, ${batch.sinceLsn}::pg_lsn, ${batch.sinceCommitAt}::timestamptz
      from unnest(${ids as string[]}::uuid[]) id
    on conflict (product_id) do update set
      lsn = excluded.lsn,
      since_lsn = least(search_queue.since_lsn, excluded.since_lsn),
      since_commit_at = coalesce(least(search_queue.since_commit_at, excluded.since_commit_at), search_queue.since_commit_at, excluded.since_commit_at)`;
}

/** The oldest waiting products first. */
export function takeQueued(sql: ReadSql, limit: number): Promise<QueuedProduct[]> {
  return sql<QueuedProduct[]>`select product_id as id, lsn::text as lsn from search_queue order by since_lsn, product_id limit ${limit}`;
}

/** Removes the entries taken, unless a later batch queued them again meanwhile. */
export async function removeQueued(sql: ReadSql, taken: readonly QueuedProduct[]): Promise<void> {
  if (taken.length === 0) return;
  await sql`
    delete from search_queue q
     using unnest(${taken.map((t) => t.id)}::uuid[], ${taken.map((t) => t.lsn)}::pg_lsn[]) as t(id, lsn)
     where q.product_id = t.id and q.lsn = t.lsn`;
}

export interface QueueState {
  /**
   * Every change up to here is in the index: the oldest waiting entry's `since_lsn`, or the
   * SQL checkpoint when nothing waits (read in one statement, so the two agree).
   */
  position: string | null;
  waiting: number;
  oldestCommitAt: Date | null;
  /** The SQL read models' last commit when nothing waits (the index has it too). */
  lastCommitAt: Date | null;
}

export async function queueState(sql: postgres.Sql): Promise<QueueState> {
  const [row] = await sql<{ position: string | null; waiting: number; oldest: Date | null; last: Date | null }[]>`
    with c as (select lsn, last_commit_at from projection_checkpoints where projection = ${productSummaries.name})
    select coalesce((select min(since_lsn) from search_queue), (select lsn from c))::text as position,
           (select count(*)::int from search_queue) as waiting,
           (select min(since_commit_at) from search_queue) as oldest,
           case when not exists (select 1 from search_queue) then (select last_commit_at from c) end as last`;
  return { position: row!.position, waiting: row!.waiting, oldestCommitAt: row!.oldest, lastCommitAt: row!.last };
}

import type postgres from 'postgres';
import { emptyTouches, type Entity, type Touches } from '@/projector/projections/touches';
import type { KeyContext, SqlProjection } from '@/projector/projections/types';
import { replaceRows } from '@/projector/readRows';
import { plainSqlView } from './syncPlainSql';
import { SYNC_PROJECTIONS, SYNC_SCHEMA, SYNC_SEARCH_PATH } from './syncReadModels';

interface JournalEntry {
  aggregate_type: string;
  aggregate_id: string;
}

/** Which write-model key a journal aggregate is, as the projector's touches name it. */
const KEY_OF: Record<string, (aggregateId: string) => [Entity, string]> = {
  product: (id) => ['product', id],
  order: (id) => ['order', id],
  customer: (id) => ['customer', id],
  category: (id) => ['category', id],
  warehouse: (id) => ['warehouse', id],
  // `${productId}:${warehouseId}` (server/domain/inventory.ts): a stock row belongs to its product's summary.
  stock_level: (id) => ['product', id.split(':')[0]!],
};

/**
 * Bench only. Inside a command's transaction, after its journal row: recompute with the
 * projector's own queries the `bench_sync` rows the command changed and write them, so they
 * commit (or roll back) with the command.
 *
 * Each read key is locked (a transaction advisory lock) before its rows are computed: under
 * read committed the computing statement then sees every earlier command on that key, and
 * concurrent commands neither lose each other's updates nor collide on the delete-then-insert
 * of one row. Locks are taken projection by projection, keys in hash order: one global order,
 * so they cannot deadlock, and `sales_daily` (last) is held only from its own recompute to
 * the commit. Still, the day's row makes every order of the day queue: the cost of a hot row.
 */
export async function syncReadModelsInTransaction(tx: postgres.TransactionSql): Promise<void> {
  const [, entries] = await Promise.all([tx.unsafe(`set local search_path = ${SYNC_SEARCH_PATH}`), journalEntriesOfThisTransaction(tx)]);
  if (entries.length === 0) return;
  const touches = touchesOf(entries);
  const sql = plainSqlView(tx);
  const ctx: KeyContext = { snapshot: sql, read: sql };
  // Every projection's keys first: they read the read tables as they were before this command.
  const plans = await Promise.all(SYNC_PROJECTIONS.map(async (projection) => ({ projection, keys: await projection.keys(ctx, touches) })));
  for (const { projection, keys } of plans) {
    if (keys.length === 0) continue;
    await lockReadKeys(sql, projection, keys);
    await replaceRows(sql, projection, projection.table, keys, await projection.load(sql, keys));
  }
}

/**
 * The journal row runCommand inserted in this transaction: the last `journal.id` this session
 * took, if this transaction wrote it. A replayed command (prior result found) writes nothing,
 * has no transaction id and never took an id, so `currval` is not asked.
 */
function journalEntriesOfThisTransaction(tx: postgres.TransactionSql) {
  return tx<JournalEntry[]>`
    select aggregate_type, aggregate_id from journal
     where id = (select case when pg_current_xact_id_if_assigned() is null then null
                             else currval(pg_get_serial_sequence('public.journal', 'id')) end)
       and xmin = pg_current_xact_id_if_assigned()::xid`;
}

function touchesOf(entries: JournalEntry[]): Touches {
  const touches = emptyTouches();
  for (const entry of entries) {
    const keyOf = KEY_OF[entry.aggregate_type];
    if (!keyOf) throw new Error(`bench_sync: no read keys known for a ${entry.aggregate_type} command`);
    const [entity, key] = keyOf(entry.aggregate_id);
    touches.keys[entity].add(key);
    touches.changeCount += 1;
  }
  return touches;
}

async function lockReadKeys(sql: postgres.TransactionSql, projection: SqlProjection, keys: string[]): Promise<void> {
  const names = keys.map((key) => `${SYNC_SCHEMA}.${projection.table}:${key}`);
  // `offset 0` keeps the sorted subquery apart, so the locks are taken in hash order.
  await sql`
    select pg_advisory_xact_lock(h)
      from (select distinct hashtextextended(name, 0) as h from unnest(${names}::text[]) as name order by h offset 0) as ordered`;
}

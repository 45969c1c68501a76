import type postgres from 'postgres';
import type { SqlProjectionName } from '@/db/read/projections';
import type { Touches } from './touches';

/** The write model, read inside one repeatable-read snapshot. */
export type Source = postgres.Sql | postgres.TransactionSql;
/** The read model (`shop_read`), or a transaction / savepoint on it. */
export type ReadSql = postgres.Sql | postgres.TransactionSql;

/** A read row keyed by its table's column names, ready to insert. */
export type Row = Record<string, unknown>;

export interface KeyContext {
  snapshot: Source;
  /** The read model as it was before this batch: where deleted write rows still show what they used to touch. */
  read: ReadSql;
  /** Keys the projections before this one in the registry chose for the same batch. */
  planned?: ReadonlyMap<string, string[]>;
}

/**
 * One SQL read model, recomputed by key from the write model. `keys` turns a batch's touches
 * into the read keys to recompute; `load` computes their rows (a key without a row is
 * deleted); `page` walks every row in key order for initial loads and rebuilds.
 * `N` narrows the name, so the registry can check each projection sits under its own name.
 */
export interface SqlProjection<N extends SqlProjectionName = SqlProjectionName> {
  name: N;
  table: string;
  keyColumn: string;
  keyType: 'uuid' | 'int8' | 'date';
  columns: readonly string[];
  jsonColumns: readonly string[];
  /** Small tables are replaced whole: `keys` answers ['*'] or []. */
  whole?: boolean;
  keys(ctx: KeyContext, touches: Touches): Promise<string[]>;
  load(snapshot: Source, keys: string[]): Promise<Row[]>;
  /**
   * Like `load` for the keys a batch planned with `keys(ctx, …)`, but may take from the live
   * read rows (`tx`, before this batch writes them) the columns the batch cannot have changed.
   */
  loadTouched?(ctx: KeyContext, tx: ReadSql, keys: string[]): Promise<Row[]>;
  page(snapshot: Source, after: string | null, limit: number): Promise<Row[]>;
  count(snapshot: Source): Promise<number>;
}

export const WHOLE = '*';

export function union(...lists: Iterable<string>[]): string[] {
  const all = new Set<string>();
  for (const list of lists) for (const key of list) all.add(key);
  return [...all];
}

export async function column(rows: Promise<postgres.RowList<postgres.Row[]>> | Promise<Row[]>, name = 'key'): Promise<string[]> {
  return (await rows).map((r) => String(r[name]));
}

import type postgres from 'postgres';
import type { ReadSql, Row, SqlProjection } from './projections/types';

const INSERT_CHUNK = 1000;

/**
 * Make `table`'s rows for `keys` equal to `rows`: delete what the keys had, insert what they
 * have now. `table` is the live table or a rebuild beside it. Whole projections replace all.
 */
export async function replaceRows(sql: ReadSql, projection: SqlProjection, table: string, keys: string[], rows: Row[]): Promise<void> {
  if (projection.whole) {
    await sql.unsafe(`delete from "${table}"`);
  } else if (keys.length > 0) {
    await sql.unsafe(`delete from "${table}" where "${projection.keyColumn}" = any($1::${projection.keyType}[])`, [keys]);
  }
  await insertRows(sql, projection, table, rows);
}

export async function insertRows(sql: ReadSql, projection: SqlProjection, table: string, rows: Row[]): Promise<void> {
  const columns = projection.columns as string[];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const part = rows.slice(i, i + INSERT_CHUNK).map((row) => prepare(sql, projection, row));
    await sql`insert into ${sql(table)} ${sql(part as Record<string, postgres.ParameterOrJSON<never>>[], columns)}`;
  }
}

function prepare(sql: ReadSql, projection: SqlProjection, row: Row): Row {
  if (projection.jsonColumns.length === 0) return row;
  const copy = { ...row };
  for (const name of projection.jsonColumns) copy[name] = sql.json(row[name] as Parameters<typeof sql.json>[0]);
  return copy;
}

export function keyOf(projection: SqlProjection, row: Row): string {
  return String(row[projection.keyColumn]);
}

import type { ReadSql } from './projections/types';

interface IndexInfo {
  name: string;
  def: string;
}

/** An index definition without its own name or its table's: what makes two indexes the same. */
function shape(def: string): string {
  return def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1');
}

async function indexesOf(sql: ReadSql, table: string): Promise<IndexInfo[]> {
  return sql<IndexInfo[]>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = ${table}::regclass
     order by c.relname`;
}

/**
 * Put `fresh` in place of `live` inside the caller's transaction: the old table and its
 * indexes step aside, the fresh one takes their names (so later migrations still find them),
 * and the old one is dropped. Readers wait at most for this transaction, never see a gap.
 */
export async function swapTables(sql: ReadSql, live: string, fresh: string): Promise<void> {
  const liveIndexes = await indexesOf(sql, live);
  const freshIndexes = await indexesOf(sql, fresh);
  const old = `${live.slice(0, 40)}__old`;
  await sql.unsafe(`drop table if exists "${old}"`);
  await sql.unsafe(`alter table "${live}" rename to "${old}"`);
  for (const [i, index] of liveIndexes.entries()) await sql.unsafe(`alter index "${index.name}" rename to "${old}_${i}"`);
  await sql.unsafe(`alter table "${fresh}" rename to "${live}"`);
  const unused = [...freshIndexes];
  for (const index of liveIndexes) {
    const match = unused.findIndex((candidate) => shape(candidate.def) === shape(index.def));
    if (match < 0) throw new Error(`rebuilt ${live} has no index like ${index.name} (${index.def})`);
    const [twin] = unused.splice(match, 1);
    await sql.unsafe(`alter index "${twin!.name}" rename to "${index.name}"`);
  }
  await sql.unsafe(`drop table "${old}"`);
}

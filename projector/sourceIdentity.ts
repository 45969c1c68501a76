import { compareLsn } from '@/lib/lsn';
import type { ReadSql } from './projections/types';
import type { SystemIdentity } from './source/slot';

/** The write server the read models were loaded from (table `projector_source`). */
export async function readLoadedFrom(sql: ReadSql): Promise<{ systemId: string; database: string } | undefined> {
  const [row] = await sql<{ systemId: string; database: string }[]>`select system_id as "systemId", database from projector_source where id = 1`;
  return row;
}

export async function recordLoadedFrom(sql: ReadSql, source: SystemIdentity, slot: string, consistentPoint: string): Promise<void> {
  await sql`
    insert into projector_source (id, system_id, database, slot_name, consistent_point, loaded_at)
    values (1, ${source.systemId}, ${source.database}, ${slot}, ${consistentPoint}::pg_lsn, now())
    on conflict (id) do update set system_id = excluded.system_id, database = excluded.database,
      slot_name = excluded.slot_name, consistent_point = excluded.consistent_point, loaded_at = excluded.loaded_at`;
}

/**
 * Why checkpoints cannot be trusted against this server, if they cannot: they were taken
 * against another server or database (the write database recreated, or the read database
 * pointed elsewhere), or they lie beyond the WAL this server has written (restored from a
 * backup). Streaming would take every batch as applied already and the read models would
 * freeze, silently.
 */
export function checkpointsDistrust(
  loadedFrom: { systemId: string; database: string } | undefined,
  server: SystemIdentity,
  lowest: string,
): string | undefined {
  if (!loadedFrom) return 'the read models do not record which write database they were loaded from';
  if (loadedFrom.systemId !== server.systemId || loadedFrom.database !== server.database) {
    return `the read models were loaded from another write database (system ${loadedFrom.systemId}, database ${loadedFrom.database})`;
  }
  if (compareLsn(lowest, server.walLsn) > 0) return `the read models (at ${lowest}) are ahead of the write database's WAL (at ${server.walLsn})`;
  return undefined;
}

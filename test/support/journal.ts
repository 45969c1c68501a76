import type postgres from 'postgres';

export interface JournalRow {
  command: string;
  event_type: string;
  schema_version: number;
  aggregate_type: string;
  aggregate_version: number;
  actor_id: string | null;
  payload: Record<string, unknown>;
}

/** What the commands on one aggregate wrote to the journal, oldest first. */
export function journalOf(sql: postgres.Sql, aggregateId: string): Promise<JournalRow[]> {
  return sql<JournalRow[]>`
    select command, event_type, schema_version, aggregate_type, aggregate_version, actor_id, payload
      from journal where aggregate_id = ${aggregateId} order by id`;
}

import { expect } from 'vitest';
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

/** What a command journals about itself (the rest of a `JournalRow` follows from who ran it and when). */
export type JournalEvent = Pick<JournalRow, 'command' | 'event_type' | 'aggregate_type' | 'payload'>;

/**
 * Expects the journal of `aggregateId` to hold `version` entries, the latest being `event` in
 * schema version 1, written by `actorId` at that aggregate version. Returns the journal.
 */
export async function expectLatestEntry(sql: postgres.Sql, aggregateId: string, { version, by }: { version: number; by: string }, event: JournalEvent) {
  const journal = await journalOf(sql, aggregateId);
  expect(journal).toHaveLength(version);
  expect(journal[version - 1]).toEqual({ ...event, schema_version: 1, aggregate_version: version, actor_id: by });
  return journal;
}

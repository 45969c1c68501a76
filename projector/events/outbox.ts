import { isUnknownEvent } from '@/db/write/events';
import { upcast } from '@/db/write/eventVersions';
import type { OutboxEvent, RowImage } from './envelope';

/**
 * The domain event of a journal insert, read from its after-image: the payload upgraded to the
 * current version of its type, or as stored (with the stored version) when this code cannot
 * read it (`upcast` says why; consumers that know the type may).
 */
export function outboxEvent(after: RowImage, source: OutboxEvent['source']): OutboxEvent {
  const stored = { type: text(after, 'event_type'), schemaVersion: integer(after, 'schema_version'), payload: jsonb(after.payload) };
  const event = upcast(stored);
  const { schemaVersion, payload } = isUnknownEvent(event) ? stored : event;
  return {
    id: journalId(after.id),
    aggregatetype: text(after, 'aggregate_type'),
    aggregateid: text(after, 'aggregate_id'),
    aggregateversion: integer(after, 'aggregate_version'),
    type: stored.type,
    schemaVersion,
    payload,
    commandId: optionalText(after, 'command_id'),
    actorId: optionalText(after, 'actor_id'),
    occurredAt: rfc3339(text(after, 'recorded_at')),
    source,
  };
}

/** wal2json prints jsonb as its text; a reader that already parsed it hands over the value. Text that is not JSON stays as it is. */
function jsonb(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const PG_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)(?::?(\d\d))?$/;

/** Postgres's `2026-12-02 07:31:22.45944+00` as RFC 3339, keeping the microseconds a Date would drop; anything else as it is. */
function rfc3339(timestamp: string): string {
  const match = PG_TIMESTAMP.exec(timestamp);
  if (!match) return timestamp;
  const [, date, time, offsetHours, offsetMinutes = '00'] = match;
  return `${date}T${time}${offsetHours}:${offsetMinutes}`;
}

/** A bigint: wal2json prints it as a number, a Postgres client may read it as text. */
function journalId(value: unknown): string {
  if (Number.isInteger(value) || (typeof value === 'string' && /^\d+$/.test(value))) return String(value);
  throw new Error(`journal row without id: ${JSON.stringify(value)}`);
}

function text(after: RowImage, column: string): string {
  const value = after[column];
  if (typeof value !== 'string') throw new Error(`journal row without ${column}: ${JSON.stringify(value)}`);
  return value;
}

function optionalText(after: RowImage, column: string): string | null {
  return after[column] == null ? null : text(after, column);
}

function integer(after: RowImage, column: string): number {
  const value = after[column];
  if (!Number.isInteger(value)) throw new Error(`journal row without ${column}: ${JSON.stringify(value)}`);
  return value as number;
}

import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { activity as a } from '@/db/read/schema';
import type { DomainEvent, UnknownEvent } from '@/db/write/events';
import { upcast } from '@/db/write/eventVersions';
import { waitForPosition, type Freshness } from './freshness';
import type { ListActivityInput } from './listActivity.input';

export interface ActivityActor {
  id: string;
  email: string | null;
  name: string | null;
}

export interface ActivityEntry {
  /** The journal entry's id (a Postgres bigint, as text). */
  id: string;
  recordedAt: Date;
  command: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  /** The aggregate's version after the command. */
  aggregateVersion: number;
  /** Null for changes made by the system itself. */
  actor: ActivityActor | null;
  commandId: string | null;
  /**
   * The entry's event at its current schema version, upgraded from the version it was stored
   * with; an `UnknownEvent` (as stored) when this release cannot read it.
   */
  event: DomainEvent | UnknownEvent;
}

export interface ActivityPage extends Freshness {
  items: ActivityEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** The audit trail, newest first, narrowed by aggregate, actor or command. */
export async function listActivity(db: ReadDb, input: ListActivityInput, waitMs: number): Promise<ActivityPage> {
  const freshness = await waitForPosition(db, 'activity', input.after, waitMs);
  const where = and(
    input.aggregateType ? eq(a.aggregateType, input.aggregateType) : undefined,
    input.aggregateId ? eq(a.aggregateId, input.aggregateId) : undefined,
    input.actorId ? eq(a.actorId, input.actorId) : undefined,
    input.command ? eq(a.command, input.command) : undefined,
  );
  const rows = await db
    .select({
      id: sql<string>`${a.id}::text`,
      recordedAt: a.recordedAt,
      command: a.command,
      eventType: a.eventType,
      schemaVersion: a.schemaVersion,
      aggregateType: a.aggregateType,
      aggregateId: a.aggregateId,
      aggregateVersion: a.aggregateVersion,
      actorId: a.actorId,
      actorEmail: a.actorEmail,
      actorName: a.actorName,
      commandId: a.commandId,
      payload: a.payload,
    })
    .from(a)
    .where(where)
    .orderBy(desc(a.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(a).where(where);
  const items = rows.map(({ actorId, actorEmail, actorName, schemaVersion, payload, ...entry }): ActivityEntry => ({
    ...entry,
    actor: actorId ? { id: actorId, email: actorEmail, name: actorName } : null,
    event: upcast({ type: entry.eventType, schemaVersion, payload }),
  }));
  return { items, total, page: input.page, pageSize: input.pageSize, ...freshness };
}

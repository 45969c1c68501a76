import { asc, count, isNotNull, sql } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { activity as a } from '@/db/read/schema';
import type { ActivityActor } from './listActivity';

export interface ActivityActorSummary extends ActivityActor {
  /** How many entries of the audit trail they made. */
  entries: number;
}

/** The staff members who appear in the audit trail, by name: the choices of an actor filter. */
export async function listActivityActors(db: ReadDb): Promise<ActivityActorSummary[]> {
  const rows = await db
    .select({
      id: sql<string>`${a.actorId}`,
      email: sql<string | null>`max(${a.actorEmail})`,
      name: sql<string | null>`max(${a.actorName})`,
      entries: count(),
    })
    .from(a)
    .where(isNotNull(a.actorId))
    .groupBy(a.actorId)
    .orderBy(asc(sql`max(${a.actorName})`), asc(a.actorId));
  return rows;
}

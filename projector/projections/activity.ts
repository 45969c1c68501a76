import type postgres from 'postgres';
import { column, union, type Row, type Source, type SqlProjection } from './types';

/**
 * The journal as an audit trail, with the actor's email and name. The payload is copied as
 * stored, with its schema version: readers upcast it (`db/write/eventVersions.ts`).
 */
function activityOf(sql: Source, selection: postgres.PendingQuery<postgres.Row[]>) {
  return sql<Row[]>`
    with selected as (${selection})
    select j.id::text as id, j.command_id, j.command, j.aggregate_type, j.aggregate_id, j.aggregate_version,
           j.actor_id, u.email as actor_email, u.name as actor_name, j.event_type, j.schema_version, j.payload,
           j.recorded_at
      from selected j left join users u on u.id = j.actor_id
     order by j.id`;
}

export const activity: SqlProjection<'activity'> = {
  name: 'activity',
  table: 'activity',
  keyColumn: 'id',
  keyType: 'int8',
  columns: [
    'id', 'command_id', 'command', 'aggregate_type', 'aggregate_id', 'aggregate_version', 'actor_id', 'actor_email',
    'actor_name', 'event_type', 'schema_version', 'payload', 'recorded_at',
  ],
  jsonColumns: ['payload'],
  keys: async ({ snapshot, read }, t) => {
    if (t.everything) {
      return union(await column(snapshot`select id::text as key from journal`), await column(read`select id::text as key from activity`));
    }
    const users = [...t.keys.user];
    // A staff member's new name or email shows on every entry they made (rare: staff are seeded).
    return union(t.keys.journal, users.length ? await column(snapshot`select id::text as key from journal where actor_id = any(${users}::uuid[])`) : []);
  },
  load: (sql, ids) => activityOf(sql, sql`select * from journal where id = any(${ids}::int8[])`),
  page: (sql, after, limit) =>
    activityOf(sql, after ? sql`select * from journal where id > ${after}::int8 order by id limit ${limit}` : sql`select * from journal order by id limit ${limit}`),
  count: async (sql) => Number((await sql`select count(*)::int as n from journal`)[0]!.n),
};

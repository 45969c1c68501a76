import type postgres from 'postgres';
import { PROJECTED_TABLES } from '@/db/write/schema';
import { EventCounter, beginMarker, endMarker, snapshotEvent } from '../events/changeEvents';
import { TRANSACTION_SUBJECT, cdcSubject } from '../events/subjects';
import { messageHeaders, messageId } from './jetstream';
import type { PublishQueue } from './publishQueue';

const PAGE = 1000;
/** Types wal2json prints as JSON numbers or booleans; it prints every other type as its text. */
const UNQUOTED = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'oid', 'boolean']);

/**
 * Publishes every row of the projected tables, read in the slot's exported snapshot, as `r`
 * events framed by a BEGIN and an END marker (`snapshot:<consistent point>`), with values
 * printed the way wal2json prints them. Streaming then resumes at the consistent point, so
 * the stream neither misses nor doubles a change. Resolves once JetStream has stored it all.
 */
export async function publishSnapshot(source: postgres.Sql, queue: PublishQueue, snapshot: { name: string; consistentPoint: string; database: string }): Promise<number> {
  const cp = snapshot.consistentPoint;
  const id = `snapshot:${cp}`;
  const tsMs = Date.now();
  // Places: BEGIN 0, the rows 1…n, END n + 1.
  const events = new EventCounter();
  const publish = (subject: string, body: unknown, kind: 'begin' | 'change' | 'end', order: number) => {
    const position = { commitLsn: cp, order };
    queue.publish(subject, JSON.stringify(body), { msgID: messageId(position, kind), headers: messageHeaders(kind, position, undefined, true) });
  };
  publish(TRANSACTION_SUBJECT, beginMarker(id, tsMs), 'begin', 0);
  await source.begin('isolation level repeatable read read only', async (tx) => {
    await tx.unsafe(`set transaction snapshot '${snapshot.name.replace(/'/g, "''")}'`);
    // The last row of the last non-empty table is marked 'last': hold one row back.
    let held: { table: string; row: Record<string, unknown> } | undefined;
    const flush = async (last: boolean) => {
      if (!held) return;
      const place = events.next(held.table);
      const event = snapshotEvent(held.table, held.row, { consistentPoint: cp, tsMs, ...place, db: snapshot.database, name: 'shop', last });
      publish(cdcSubject(held.table), event, 'change', place.totalOrder);
      held = undefined;
      await queue.room();
    };
    for (const table of PROJECTED_TABLES) {
      const columns = await tx<{ name: string; type: string }[]>`
        select column_name as name, data_type as type from information_schema.columns
         where table_schema = 'public' and table_name = ${table} order by ordinal_position`;
      const fields = columns.map((c) => `${quote(c.name)}, ${UNQUOTED.has(c.type) ? quoteIdent(c.name) : `${quoteIdent(c.name)}::text`}`).join(', ');
      const cursor = tx.unsafe(`select json_build_object(${fields})::text as row from ${quoteIdent(table)}`).cursor(PAGE);
      for await (const rows of cursor) {
        for (const { row } of rows as unknown as { row: string }[]) {
          await flush(false);
          held = { table, row: JSON.parse(row) as Record<string, unknown> };
        }
      }
    }
    await flush(true);
  });
  publish(TRANSACTION_SUBJECT, endMarker(id, tsMs, events.counts()), 'end', events.eventCount + 1);
  await queue.drain();
  return events.eventCount;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

import type { RowMessage, TruncateMessage, Wal2JsonColumn } from '../source/wal2json';
import { UNAVAILABLE, type ChangeEvent, type EventSource, type RowImage, type TransactionMarker } from './envelope';
import { isExcludedColumn, tableShapeOf } from './tableColumns';

/** `source.version`: the version of this event format, raised when the envelope changes incompatibly. */
export const SOURCE_VERSION = '1';

/** What a streamed change's event takes from its transaction. */
export interface TxContext {
  xid: number | undefined;
  /** End of the commit record. */
  commitLsn: string;
  commitTsMs: number;
  totalOrder: number;
  collectionOrder: number;
  db: string;
  /** The logical server name (`source.name`). */
  name: string;
}

export interface SnapshotContext {
  /** The snapshot's consistent point: where streaming takes over from it. */
  consistentPoint: string;
  /** When the row was read. */
  tsMs: number;
  totalOrder: number;
  collectionOrder: number;
  db: string;
  name: string;
  /** The snapshot's last row. */
  last: boolean;
}

const OPS = { I: 'c', U: 'u', D: 'd', T: 't' } as const;

/** The event of one wal2json row or truncate record. */
export function toChangeEvent(record: RowMessage | TruncateMessage, tx: TxContext, now: () => number = Date.now): ChangeEvent {
  return {
    ...images(record),
    op: OPS[record.action],
    source: source(tx, record.schema, record.table, { ts_ms: tx.commitTsMs, snapshot: 'false', txId: tx.xid ?? null, lsn: record.lsn ?? null }),
    ts_ms: now(),
    transaction: { id: transactionId(tx.xid, tx.commitLsn), total_order: tx.totalOrder, data_collection_order: tx.collectionOrder },
  };
}

/**
 * The event of a row a snapshot read. `row` must hold values as wal2json prints them (jsonb and
 * timestamps as their Postgres text, numbers bare), so consumers see one format whatever the source.
 */
export function snapshotEvent(table: string, row: RowImage, ctx: SnapshotContext, now: () => number = Date.now): ChangeEvent {
  const after = Object.fromEntries(Object.entries(row).filter(([column]) => !isExcludedColumn(table, column)));
  const schema = tableShapeOf(table)?.schema ?? 'public';
  return {
    before: null,
    after,
    op: 'r',
    source: source(ctx, schema, table, { ts_ms: ctx.tsMs, snapshot: ctx.last ? 'last' : 'true', txId: null, lsn: ctx.consistentPoint }),
    ts_ms: now(),
    transaction: { id: `snapshot:${ctx.consistentPoint}`, total_order: ctx.totalOrder, data_collection_order: ctx.collectionOrder },
  };
}

function source(
  server: { db: string; name: string },
  schema: string,
  table: string,
  position: Pick<EventSource, 'ts_ms' | 'snapshot' | 'txId' | 'lsn'>,
): EventSource {
  const { ts_ms, snapshot, txId, lsn } = position;
  return { version: SOURCE_VERSION, connector: 'postgresql', name: server.name, ts_ms, snapshot, db: server.db, schema, table, txId, lsn };
}

function images(record: RowMessage | TruncateMessage): Pick<ChangeEvent, 'before' | 'after'> {
  switch (record.action) {
    case 'I':
      return { before: null, after: rowImage(record.table, record.columns) };
    case 'U': {
      const after = updatedRow(record.table, record.columns);
      return { before: keyChanged(record.identity, after) ? rowImage(record.table, record.identity) : null, after };
    }
    case 'D':
      return { before: rowImage(record.table, record.identity), after: null };
    case 'T':
      return { before: null, after: null };
  }
}

/**
 * wal2json sends an update's replica identity every time (the new key when it did not change).
 * Debezium's `before` under the default replica identity is null unless the key changed.
 */
function keyChanged(identity: Wal2JsonColumn[] | undefined, after: RowImage): boolean {
  return identity !== undefined && identity.some((c) => after[c.name] !== c.value);
}

function rowImage(table: string, columns: Wal2JsonColumn[] = []): RowImage {
  // Loops, not entries and spreads: this runs for every change the slot carries.
  const image: RowImage = {};
  for (const c of columns) if (!isExcludedColumn(table, c.name)) image[c.name] = c.value;
  return image;
}

/**
 * An update's new row: wal2json leaves out unchanged TOASTed values, so each column of the
 * table it left out is `UNAVAILABLE` (its value is not known here, and not null). Columns the
 * schema does not know (a table outside the projected ones, a newer migration) pass as they came.
 */
function updatedRow(table: string, columns: Wal2JsonColumn[] | undefined): RowImage {
  const given = rowImage(table, columns);
  const shape = tableShapeOf(table);
  if (!shape) return given;
  const row: RowImage = {};
  for (const { name } of shape.columns) row[name] = Object.hasOwn(given, name) ? given[name] : UNAVAILABLE;
  for (const name of Object.keys(given)) if (!Object.hasOwn(row, name)) row[name] = given[name];
  return row;
}

/** A transaction's id in its events and markers: `<xid>:<commit LSN>` (xids wrap around; with the commit LSN the id is unique). */
export function transactionId(xid: number | undefined, commitLsn: string): string {
  return `${xid ?? 'unknown'}:${commitLsn}`;
}

/** `<schema>.<table>`: how transaction metadata names a table. */
export function dataCollection(table: string, schema = 'public'): string {
  return `${schema}.${table}`;
}

export function beginMarker(id: string, tsMs: number): TransactionMarker {
  return { status: 'BEGIN', id, ts_ms: tsMs, event_count: null, data_collections: null };
}

/** `counts`: the transaction's events per data collection (`public.<table>`), as `EventCounter.counts` gives them. */
export function endMarker(id: string, tsMs: number, counts: ReadonlyMap<string, number>): TransactionMarker {
  const dataCollections = [...counts].map(([name, eventCount]) => ({ data_collection: name, event_count: eventCount }));
  const eventCount = dataCollections.reduce((sum, c) => sum + c.event_count, 0);
  return { status: 'END', id, ts_ms: tsMs, event_count: eventCount, data_collections: dataCollections };
}

/** Hands out the places of one transaction's events (as `TxContext` takes them) and counts them for its END marker. */
export class EventCounter {
  private total = 0;
  private readonly perCollection = new Map<string, number>();

  next(table: string, schema = 'public'): Pick<TxContext, 'totalOrder' | 'collectionOrder'> {
    const name = dataCollection(table, schema);
    const collectionOrder = (this.perCollection.get(name) ?? 0) + 1;
    this.total += 1;
    this.perCollection.set(name, collectionOrder);
    return { totalOrder: this.total, collectionOrder };
  }

  get eventCount(): number {
    return this.total;
  }

  /** Events per data collection, in the order the tables first appeared. */
  counts(): ReadonlyMap<string, number> {
    return new Map(this.perCollection);
  }
}

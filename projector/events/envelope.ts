/**
 * The change-event envelope, Debezium's (PostgreSQL connector): every row change the slot
 * carries becomes one `ChangeEvent`, every transaction is framed by a BEGIN and an END
 * `TransactionMarker`. The projector derives the keys its read models recompute from these
 * events, and the publisher writes the same events to JetStream (docs/events.md).
 *
 * Browser-safe and dependency-free: outside consumers may import these types.
 */

/** Debezium's placeholder for a column an update left out (an unchanged TOASTed value). */
export const UNAVAILABLE = '__debezium_unavailable_value';

/** c = insert, u = update, d = delete, t = truncate, r = read by a snapshot. */
export type Op = 'c' | 'u' | 'd' | 't' | 'r';

/** A row image: column name → value as wal2json prints it (JSON). */
export type RowImage = Record<string, unknown>;

export interface EventSource {
  version: string;
  connector: 'postgresql';
  /** The logical server name: the stream's subject prefix. */
  name: string;
  /** Commit time of the transaction (snapshot reads: the time the row was read). */
  ts_ms: number;
  /** 'true' for rows a snapshot read, 'last' for a snapshot's last row, 'false' for streamed changes. */
  snapshot: 'true' | 'last' | 'false';
  db: string;
  schema: string;
  table: string;
  txId: number | null;
  /** The change's own WAL position (snapshot reads: the snapshot's consistent point). */
  lsn: string | null;
}

/** Where an event sits in its transaction (Debezium's transaction metadata). */
export interface TransactionBlock {
  /** `<txId>:<commit LSN>` (snapshot: `snapshot:<consistent point>`). */
  id: string;
  /** 1-based position among the transaction's events. */
  total_order: number;
  /** 1-based position among the transaction's events on the same table. */
  data_collection_order: number;
}

export interface ChangeEvent {
  /** Updates: the old key when the key changed, else null; deletes: the key (replica identity). */
  before: RowImage | null;
  /** The new row; on an update, a column wal2json left out holds `UNAVAILABLE`. */
  after: RowImage | null;
  op: Op;
  source: EventSource;
  /** When the projector built the event. */
  ts_ms: number;
  transaction: TransactionBlock | null;
}

export interface DataCollectionCount {
  /** `<schema>.<table>` */
  data_collection: string;
  event_count: number;
}

export interface TransactionMarker {
  status: 'BEGIN' | 'END';
  id: string;
  ts_ms: number;
  /** END only: how many events the transaction holds. */
  event_count: number | null;
  /** END only: how many per table. */
  data_collections: DataCollectionCount[] | null;
}

/**
 * A position in the change history that orders every message the publisher writes: the
 * transaction's commit LSN (end of its commit record), then the message's place in it
 * (0 = BEGIN, 1…n = events, n + 1 = END). Replays of the slot give the same positions.
 */
export interface Position {
  commitLsn: string;
  order: number;
}

/**
 * A domain event from the journal, in the shape Debezium's outbox event router gives:
 * the aggregate it belongs to, its type, its schema version and its payload.
 */
export interface OutboxEvent {
  /** The journal entry's id: unique, increasing in commit order per aggregate. */
  id: string;
  aggregatetype: string;
  aggregateid: string;
  aggregateversion: number;
  type: string;
  schemaVersion: number;
  payload: unknown;
  commandId: string | null;
  actorId: string | null;
  occurredAt: string;
  /** Where it came from in the change history. */
  source: { txId: number | null; lsn: string | null; commitLsn: string };
}

import type { ProjectedTable } from '@/db/write/schema';
import { SOURCE_VERSION } from './changeEvents';
import { UNAVAILABLE } from './envelope';
import { TABLE_SHAPES, type ColumnShape, type TableShape } from './tableColumns';
import { TRANSACTION_SUBJECT, cdcSubject } from './subjects';

/**
 * JSON Schemas (draft 2020-12) of what the publisher writes, generated from the same table
 * shapes as the events: one per projected table for its change events, one for the transaction
 * markers, one for the outbox events. `node --import tsx scripts/events/writeSchemas.ts` copies them
 * into docs/events.md.
 */
export type JsonSchema = { [keyword: string]: unknown };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const LSN = { type: 'string', pattern: '^[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}$' };
const NULL = { type: 'null' };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [NULL, schema] });
const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const UUID = { type: 'string', format: 'uuid' };

/** What the JSON type alone does not tell of a value (wal2json prints values in their Postgres text form). */
const SQL_TYPE_NOTES: [RegExp, string][] = [
  [/^timestamp/, 'Postgres text, e.g. "2026-12-02 07:31:22.45944+00"'],
  [/^jsonb?$/, 'the document as JSON text'],
  [/^(bigint|bigserial)$/, 'a JSON number; above 2^53 it loses precision in JavaScript'],
];

export function changeEventSchema(table: TableShape): JsonSchema {
  return {
    $schema: DRAFT,
    $id: `urn:shop:schema:${cdcSubject(table.name)}`,
    title: `${table.schema}.${table.name} change event`,
    type: 'object',
    required: ['before', 'after', 'op', 'source', 'ts_ms', 'transaction'],
    additionalProperties: false,
    properties: {
      before: nullable(ref('key')),
      after: nullable(ref('rowOnUpdate')),
      op: { enum: ['c', 'u', 'd', 't', 'r'] },
      source: ref('source'),
      ts_ms: { type: 'integer', description: 'When the projector built the event (ms since the epoch).' },
      transaction: nullable(ref('transaction')),
    },
    allOf: [
      whenOp('c', { before: NULL, after: ref('row'), source: streamed() }),
      whenOp('u', { before: nullable(ref('key')), after: ref('rowOnUpdate'), source: streamed() }),
      whenOp('d', { before: ref('key'), after: NULL, source: streamed() }),
      whenOp('t', { before: NULL, after: NULL, source: streamed() }),
      whenOp('r', { before: NULL, after: ref('row'), source: { properties: { snapshot: { enum: ['true', 'last'] }, txId: NULL } } }),
    ],
    $defs: {
      row: rowSchema(table, 'The row.', columnSchema),
      rowOnUpdate: rowSchema(table, `The new row, where "${UNAVAILABLE}" stands for an unchanged TOASTed value.`, (column) =>
        table.primaryKey.includes(column.name) ? columnSchema(column) : { anyOf: [columnSchema(column), { const: UNAVAILABLE }] },
      ),
      key: keySchema(table),
      source: sourceSchema(table),
      transaction: transactionBlockSchema(),
    },
  };
}

export const CHANGE_EVENT_SCHEMAS = Object.fromEntries(
  Object.entries(TABLE_SHAPES).map(([name, shape]) => [name, changeEventSchema(shape)]),
) as Record<ProjectedTable, JsonSchema>;

export const TRANSACTION_MARKER_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: `urn:shop:schema:${TRANSACTION_SUBJECT}`,
  title: 'Transaction marker',
  type: 'object',
  required: ['status', 'id', 'ts_ms', 'event_count', 'data_collections'],
  additionalProperties: false,
  properties: {
    status: { enum: ['BEGIN', 'END'] },
    id: { type: 'string', description: '<xid>:<commit LSN> (snapshot: snapshot:<consistent point>), as in the events it frames.' },
    ts_ms: { type: 'integer', description: "Commit time (a snapshot's: when it started), ms since the epoch." },
    event_count: nullable({ type: 'integer', minimum: 0 }),
    data_collections: nullable({
      type: 'array',
      items: {
        type: 'object',
        required: ['data_collection', 'event_count'],
        additionalProperties: false,
        properties: { data_collection: { type: 'string', pattern: '^[^.]+\\.[^.]+$' }, event_count: { type: 'integer', minimum: 1 } },
      },
    }),
  },
  allOf: [
    { if: { properties: { status: { const: 'BEGIN' } } }, then: { properties: { event_count: NULL, data_collections: NULL } } },
    { if: { properties: { status: { const: 'END' } } }, then: { properties: { event_count: { type: 'integer' }, data_collections: { type: 'array' } } } },
  ],
};

export const OUTBOX_EVENT_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'urn:shop:schema:shop.events',
  title: 'Outbox event',
  type: 'object',
  required: ['id', 'aggregatetype', 'aggregateid', 'aggregateversion', 'type', 'schemaVersion', 'payload', 'commandId', 'actorId', 'occurredAt', 'source'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[0-9]+$', description: 'The journal entry id.' },
    aggregatetype: { type: 'string' },
    aggregateid: { type: 'string' },
    aggregateversion: { type: 'integer' },
    type: { type: 'string', description: 'The event type (db/write/events.ts).' },
    schemaVersion: { type: 'integer', minimum: 1, description: "The payload's version: the current one, or as stored when the type or version is unknown." },
    payload: { description: 'The event payload (JSON).' },
    commandId: nullable(UUID),
    actorId: nullable(UUID),
    occurredAt: { type: 'string', format: 'date-time', description: 'When the command was recorded (RFC 3339, microseconds).' },
    source: {
      type: 'object',
      required: ['txId', 'lsn', 'commitLsn'],
      additionalProperties: false,
      properties: { txId: nullable({ type: 'integer' }), lsn: nullable(LSN), commitLsn: LSN },
    },
  },
};

function whenOp(op: string, properties: Record<string, JsonSchema>): JsonSchema {
  return { if: { properties: { op: { const: op } }, required: ['op'] }, then: { properties } };
}

function streamed(): JsonSchema {
  return { properties: { snapshot: { const: 'false' } } };
}

function columnSchema(column: ColumnShape): JsonSchema {
  const schema: JsonSchema = { type: column.nullable ? [column.jsonType, 'null'] : column.jsonType };
  if (column.enumValues) schema.enum = column.nullable ? [...column.enumValues, null] : [...column.enumValues];
  if (column.sqlType === 'uuid') schema.format = 'uuid';
  if (column.sqlType === 'jsonb' || column.sqlType === 'json') schema.contentMediaType = 'application/json';
  const description = SQL_TYPE_NOTES.find(([pattern]) => pattern.test(column.sqlType))?.[1];
  if (description) schema.description = `${column.sqlType}: ${description}`;
  return schema;
}

function rowSchema(table: TableShape, description: string, column: (c: ColumnShape) => JsonSchema): JsonSchema {
  return {
    description,
    type: 'object',
    required: table.columns.map((c) => c.name),
    additionalProperties: false,
    properties: Object.fromEntries(table.columns.map((c) => [c.name, column(c)])),
  };
}

function keySchema(table: TableShape): JsonSchema {
  return {
    description: 'The old key (replica identity: the primary key).',
    type: 'object',
    required: table.primaryKey,
    additionalProperties: false,
    properties: Object.fromEntries(table.columns.map((c) => [c.name, columnSchema(c)])),
  };
}

function sourceSchema(table: TableShape): JsonSchema {
  return {
    type: 'object',
    required: ['version', 'connector', 'name', 'ts_ms', 'snapshot', 'db', 'schema', 'table', 'txId', 'lsn'],
    additionalProperties: false,
    properties: {
      version: { const: SOURCE_VERSION },
      connector: { const: 'postgresql' },
      name: { type: 'string' },
      ts_ms: { type: 'integer', description: 'Commit time (snapshot reads: when the row was read), ms since the epoch.' },
      snapshot: { enum: ['true', 'last', 'false'] },
      db: { type: 'string' },
      schema: { const: table.schema },
      table: { const: table.name },
      txId: nullable({ type: 'integer' }),
      lsn: nullable(LSN),
    },
  };
}

function transactionBlockSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['id', 'total_order', 'data_collection_order'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', description: '<xid>:<commit LSN>, or snapshot:<consistent point>.' },
      total_order: { type: 'integer', minimum: 1 },
      data_collection_order: { type: 'integer', minimum: 1 },
    },
  };
}

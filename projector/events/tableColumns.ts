import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as writeSchema from '@/db/write/schema';
import { PROJECTED_TABLES, staffCredentials, type ProjectedTable } from '@/db/write/schema';

/**
 * What the change events know of each write-model table, read from its drizzle definition so a
 * migration that adds a column changes the events, their schemas and docs/events.md together.
 */

/** The JSON type wal2json prints a column's values as (numbers and booleans bare, everything else quoted). */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean';

export interface ColumnShape {
  /** SQL name, as in the row images. */
  name: string;
  /** SQL type, as drizzle declares it (`uuid`, `timestamp with time zone`, `jsonb`, …). */
  sqlType: string;
  jsonType: JsonType;
  nullable: boolean;
  /** The values a text column may hold, when drizzle declares them. */
  enumValues: readonly string[] | undefined;
}

export interface TableShape {
  name: string;
  schema: string;
  /** In the table's declaration order; excluded columns are not listed. */
  columns: ColumnShape[];
  /** The primary key: what a delete (replica identity default) carries in `before`. */
  primaryKey: string[];
}

/** Columns that never leave the database: dropped from every image of every event. */
export const EXCLUDED_COLUMNS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [getTableConfig(staffCredentials).name, new Set([staffCredentials.passwordHash.name])],
]);

export function isExcludedColumn(table: string, column: string): boolean {
  return EXCLUDED_COLUMNS.get(table)?.has(column) ?? false;
}

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint', 'smallserial', 'serial', 'bigserial']);
const NUMBER_TYPES = new Set(['real', 'double precision']);

function jsonTypeOf(sqlType: string): JsonType {
  if (INTEGER_TYPES.has(sqlType)) return 'integer';
  if (NUMBER_TYPES.has(sqlType) || sqlType.startsWith('numeric')) return 'number';
  if (sqlType === 'boolean') return 'boolean';
  return 'string';
}

function columnShape(column: PgColumn): ColumnShape {
  const sqlType = column.getSQLType();
  return { name: column.name, sqlType, jsonType: jsonTypeOf(sqlType), nullable: !column.notNull, enumValues: column.enumValues };
}

function tableShape(table: PgTable): TableShape {
  const config = getTableConfig(table);
  const compositeKey = config.primaryKeys[0]?.columns.map((c) => c.name);
  return {
    name: config.name,
    schema: config.schema ?? 'public',
    columns: config.columns.filter((c) => !isExcludedColumn(config.name, c.name)).map(columnShape),
    primaryKey: compositeKey ?? config.columns.filter((c) => c.primary).map((c) => c.name),
  };
}

function projectedShapes(): Record<ProjectedTable, TableShape> {
  const byName = new Map<string, TableShape>();
  for (const value of Object.values(writeSchema)) if (is(value, PgTable)) byName.set(getTableConfig(value).name, tableShape(value));
  const shapes = PROJECTED_TABLES.map((name) => {
    const shape = byName.get(name);
    if (!shape) throw new Error(`PROJECTED_TABLES names ${name}, which db/write/schema.ts does not define`);
    return [name, shape] as const;
  });
  return Object.fromEntries(shapes) as Record<ProjectedTable, TableShape>;
}

/** Every table the projector reads, by SQL name. */
export const TABLE_SHAPES: Readonly<Record<ProjectedTable, TableShape>> = projectedShapes();

/** The shape of a table the projector reads; undefined for any other table. */
export function tableShapeOf(table: string): TableShape | undefined {
  return Object.hasOwn(TABLE_SHAPES, table) ? TABLE_SHAPES[table as ProjectedTable] : undefined;
}

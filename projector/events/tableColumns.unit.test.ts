import { describe, expect, it } from 'vitest';
import { PROJECTED_TABLES } from '@/db/write/schema';
import { EXCLUDED_COLUMNS, TABLE_SHAPES, isExcludedColumn, tableShapeOf } from './tableColumns';

describe('table shapes', () => {
  it('reads every projected table from the drizzle schema, columns in declaration order', () => {
    expect(Object.keys(TABLE_SHAPES)).toEqual([...PROJECTED_TABLES]);
    expect(TABLE_SHAPES.stock_levels.columns.map((c) => c.name)).toEqual(['product_id', 'warehouse_id', 'quantity', 'version', 'updated_at']);
  });

  it('finds single and composite primary keys', () => {
    expect(TABLE_SHAPES.products.primaryKey).toEqual(['id']);
    expect(TABLE_SHAPES.stock_levels.primaryKey).toEqual(['product_id', 'warehouse_id']);
    expect(TABLE_SHAPES.order_lines.primaryKey).toEqual(['order_id', 'line_no']);
    for (const table of PROJECTED_TABLES) expect(TABLE_SHAPES[table].primaryKey.length, table).toBeGreaterThan(0);
  });

  it('gives the JSON type wal2json prints: numbers for integers, text for the rest (jsonb, timestamps, uuids)', () => {
    const journal = Object.fromEntries(TABLE_SHAPES.journal.columns.map((c) => [c.name, c]));
    expect(journal.id).toMatchObject({ jsonType: 'integer', nullable: false });
    expect(journal.payload).toMatchObject({ sqlType: 'jsonb', jsonType: 'string' });
    expect(journal.recorded_at).toMatchObject({ jsonType: 'string' });
    expect(journal.actor_id).toMatchObject({ sqlType: 'uuid', nullable: true });
    expect(TABLE_SHAPES.orders.columns.find((c) => c.name === 'status')?.enumValues).toEqual(['placed', 'paid', 'shipped', 'cancelled']);
  });

  it('knows only the projected tables', () => {
    expect(tableShapeOf('sessions')).toBeUndefined();
    expect(tableShapeOf('constructor')).toBeUndefined();
    expect(tableShapeOf('users')?.name).toBe('users');
  });

  it('excludes password hashes, and no projected table holds an excluded column', () => {
    expect(isExcludedColumn('staff_credentials', 'password_hash')).toBe(true);
    expect(isExcludedColumn('users', 'email')).toBe(false);
    for (const table of PROJECTED_TABLES) {
      const excluded = EXCLUDED_COLUMNS.get(table) ?? new Set();
      expect(TABLE_SHAPES[table].columns.filter((c) => excluded.has(c.name) || c.name === 'password_hash'), table).toEqual([]);
    }
  });
});

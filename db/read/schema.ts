import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Read model (database `shop_read`): denormalized, written only by the projector. */

/** Postgres `pg_lsn`: compared natively by the database, carried as text (`0/1DB25F0`). */
export const pgLsn = customType<{ data: string; driverData: string }>({
  dataType: () => 'pg_lsn',
});

export const productSummaries = pgTable(
  'product_summaries',
  {
    id: uuid('id').primaryKey(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    brand: text('brand'),
    categoryId: uuid('category_id'),
    categoryPath: text('category_path').array().notNull(),
    tags: text('tags').array().notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('product_summaries_sku_idx').on(t.sku), index('product_summaries_category_idx').on(t.categoryId)],
);

export const categoryTree = pgTable('category_tree', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  parentId: uuid('parent_id'),
  path: text('path').array().notNull(),
  depth: integer('depth').notNull(),
  productCount: integer('product_count').notNull(),
  version: integer('version').notNull(),
});

/** Last transaction each projection has applied (commit end LSN), moved in the same transaction as its rows. */
export const projectionCheckpoints = pgTable('projection_checkpoints', {
  projection: text('projection').primaryKey(),
  lsn: pgLsn('lsn').notNull(),
  lastCommitAt: timestamp('last_commit_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

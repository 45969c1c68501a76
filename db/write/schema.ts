import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** Write model (database `shop`): normalized, the source of truth. */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }),
    unique('categories_sibling_name_key').on(t.parentId, t.name).nullsNotDistinct(),
    check('categories_name_check', sql`length(btrim(${t.name})) between 1 and 100`),
    check('categories_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('categories_version_check', sql`${t.version} > 0`),
  ],
);

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    brand: text('brand'),
    categoryId: uuid('category_id').references(() => categories.id),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('products_category_idx').on(t.categoryId),
    check('products_sku_check', sql`${t.sku} ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'`),
    check('products_name_check', sql`length(btrim(${t.name})) between 1 and 200`),
    check('products_price_check', sql`${t.priceCents} >= 0`),
    check('products_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('products_status_check', sql`${t.status} in ('draft', 'active', 'archived')`),
    check('products_version_check', sql`${t.version} > 0`),
  ],
);

export const productTags = pgTable(
  'product_tags',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.tag] }),
    index('product_tags_tag_idx').on(t.tag),
    check('product_tags_tag_check', sql`${t.tag} ~ '^[a-z0-9][a-z0-9-]{0,39}$'`),
  ],
);

export const STAFF_ROLES = ['admin', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('admin', 'viewer')`),
    check('users_email_check', sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Event journal / outbox: one row per successful command, written in the command's
 * transaction. Audit trail, idempotency record (`command_id`), and it reaches the projector
 * through the same replication stream.
 */
export const journal = pgTable(
  'journal',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    commandId: uuid('command_id').unique(),
    command: text('command').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    aggregateVersion: integer('aggregate_version').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    eventType: text('event_type').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    payload: jsonb('payload').notNull(),
    result: jsonb('result').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('journal_aggregate_idx').on(t.aggregateType, t.aggregateId),
    check('journal_schema_version_check', sql`${t.schemaVersion} > 0`),
  ],
);

/** Tables whose changes the projector reads from the replication stream. */
export const PROJECTED_TABLES = ['categories', 'products', 'product_tags', 'journal'] as const;

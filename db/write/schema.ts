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
import { ORDER_STATUSES, PRODUCT_STATUSES } from './statuses';

export { ORDER_STATUSES, PRODUCT_STATUSES, type OrderStatus, type ProductStatus } from './statuses';

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

export const warehouses = pgTable(
  'warehouses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('warehouses_code_check', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9-]{0,15}$'`),
    check('warehouses_name_check', sql`length(btrim(${t.name})) between 1 and 100`),
    check('warehouses_version_check', sql`${t.version} > 0`),
  ],
);

/** Stock of one product in one warehouse; the key carries the product, so deletes still name it. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    quantity: integer('quantity').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.warehouseId] }),
    index('stock_levels_warehouse_idx').on(t.warehouseId),
    check('stock_levels_quantity_check', sql`${t.quantity} >= 0`),
    check('stock_levels_version_check', sql`${t.version} > 0`),
  ],
);

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('customers_email_check', sql`${t.email} = lower(${t.email}) and ${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
    check('customers_name_check', sql`length(btrim(${t.name})) between 1 and 200`),
    check('customers_version_check', sql`${t.version} > 0`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('placed'),
    currency: text('currency').notNull(),
    totalCents: integer('total_cents').notNull(),
    version: integer('version').notNull().default(1),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('orders_customer_idx').on(t.customerId),
    index('orders_placed_at_idx').on(t.placedAt),
    // With order_lines_product_idx, a product's sales are read from indexes alone (the
    // projector recomputes them per touched product: 20k random heap reads per 2,000 products).
    index('orders_sales_idx').on(t.id, t.status, t.placedAt),
    check('orders_status_check', sql`${t.status} in ('placed', 'paid', 'shipped', 'cancelled')`),
    check('orders_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('orders_total_check', sql`${t.totalCents} >= 0`),
    check('orders_version_check', sql`${t.version} > 0`),
  ],
);

/** One line per product; the unit price is captured when the order is placed. */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.lineNo] }),
    unique('order_lines_product_key').on(t.orderId, t.productId),
    index('order_lines_product_idx').on(t.productId, t.orderId, t.quantity, t.unitPriceCents),
    check('order_lines_quantity_check', sql`${t.quantity} > 0`),
    check('order_lines_line_no_check', sql`${t.lineNo} > 0`),
    check('order_lines_price_check', sql`${t.unitPriceCents} >= 0`),
  ],
);

/** Which warehouse gave how many units of a line: what a cancellation puts back. */
export const orderAllocations = pgTable(
  'order_allocations',
  {
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.lineNo, t.warehouseId] }),
    foreignKey({ columns: [t.orderId, t.lineNo], foreignColumns: [orderLines.orderId, orderLines.lineNo] }).onDelete('cascade'),
    check('order_allocations_quantity_check', sql`${t.quantity} > 0`),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('admin', 'viewer')`),
    check('users_email_check', sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`),
  ],
);

/**
 * Password hashes, apart from `users`: `users` reaches the projector (actor names in the
 * activity trail) and this table never does, nor may the projector's role read it.
 */
export const staffCredentials = pgTable('staff_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Login attempts counted per account and per client (rate-limiter-flexible's Drizzle store),
 * shared by every web process. Created UNLOGGED by its migration: counters need no WAL and
 * never reach the replication stream.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});

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

export const PROJECTOR_REQUEST_KINDS = ['retry_dead_letter', 'rebuild'] as const;
export type ProjectorRequestKind = (typeof PROJECTOR_REQUEST_KINDS)[number];

/**
 * Operator requests to the projector (retry a dead letter, rebuild a projection). They reach
 * it through the replication stream, in commit order with the changes around them, so a
 * retry runs after whatever fix was committed before it.
 */
export const projectorRequests = pgTable(
  'projector_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: PROJECTOR_REQUEST_KINDS }).notNull(),
    target: text('target').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('projector_requests_kind_check', sql`${t.kind} in ('retry_dead_letter', 'rebuild')`)],
);

/** Tables whose changes the projector reads from the replication stream (users only for actor names). */
export const PROJECTED_TABLES = [
  'categories',
  'products',
  'product_tags',
  'warehouses',
  'stock_levels',
  'customers',
  'orders',
  'order_lines',
  'journal',
  'users',
  'projector_requests',
] as const;
export type ProjectedTable = (typeof PROJECTED_TABLES)[number];

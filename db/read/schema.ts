import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Read model (database `shop_read`): denormalized, written only by the projector. */

/** Postgres `pg_lsn`: compared natively by the database, carried as text (`0/1DB25F0`). */
export const pgLsn = customType<{ data: string; driverData: string }>({
  dataType: () => 'pg_lsn',
});

const tz = (name: string) => timestamp(name, { withTimezone: true });
/** Money and counters that can outgrow int4; exact up to 2^53 in JavaScript. */
const big = (name: string) => bigint(name, { mode: 'number' });

export interface WarehouseStock {
  warehouseId: string;
  code: string;
  name: string;
  quantity: number;
}

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
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    stockTotal: big('stock_total').notNull().default(0),
    stockByWarehouse: jsonb('stock_by_warehouse').$type<WarehouseStock[]>().notNull().default([]),
    /** Units sold and revenue: orders not cancelled. */
    unitsSold: big('units_sold').notNull().default(0),
    revenueCents: big('revenue_cents').notNull().default(0),
    lastOrderedAt: tz('last_ordered_at'),
  },
  (t) => [
    index('product_summaries_sku_idx').on(t.sku),
    index('product_summaries_category_idx').on(t.categoryId),
    index('product_summaries_stock_idx').on(t.stockTotal),
    index('product_summaries_units_sold_idx').on(t.unitsSold),
    index('product_summaries_revenue_idx').on(t.revenueCents),
  ],
);

export interface OrderItem {
  lineNo: number;
  productId: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

export const orderSummaries = pgTable(
  'order_summaries',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email').notNull(),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    totalCents: big('total_cents').notNull(),
    lineCount: integer('line_count').notNull(),
    itemCount: big('item_count').notNull(),
    items: jsonb('items').$type<OrderItem[]>().notNull(),
    version: integer('version').notNull(),
    placedAt: tz('placed_at').notNull(),
    paidAt: tz('paid_at'),
    shippedAt: tz('shipped_at'),
    cancelledAt: tz('cancelled_at'),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    index('order_summaries_placed_idx').on(t.placedAt),
    index('order_summaries_status_placed_idx').on(t.status, t.placedAt),
    index('order_summaries_customer_placed_idx').on(t.customerId, t.placedAt),
    index('order_summaries_total_idx').on(t.totalCents),
  ],
);

export const customerSummaries = pgTable(
  'customer_summaries',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    orderCount: integer('order_count').notNull(),
    /** Orders not cancelled. */
    lifetimeValueCents: big('lifetime_value_cents').notNull(),
    lastOrderAt: tz('last_order_at'),
    version: integer('version').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    index('customer_summaries_name_idx').on(t.name),
    index('customer_summaries_email_idx').on(t.email),
    index('customer_summaries_value_idx').on(t.lifetimeValueCents),
    index('customer_summaries_last_order_idx').on(t.lastOrderAt),
  ],
);

/** Orders not cancelled, by the UTC day they were placed. */
export const salesDaily = pgTable(
  'sales_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    orders: integer('orders').notNull(),
    units: big('units').notNull(),
    revenueCents: big('revenue_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.currency] })],
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

/** The audit trail: one row per journal entry, with the actor's name. */
export const activity = pgTable(
  'activity',
  {
    id: big('id').primaryKey(),
    commandId: uuid('command_id'),
    command: text('command').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    aggregateVersion: integer('aggregate_version').notNull(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    actorName: text('actor_name'),
    eventType: text('event_type').notNull(),
    /** The journal row's schema version: readers upcast `payload` from it (`db/write/eventVersions.ts`). */
    schemaVersion: integer('schema_version').notNull().default(1),
    payload: jsonb('payload').notNull(),
    recordedAt: tz('recorded_at').notNull(),
  },
  (t) => [
    index('activity_recorded_idx').on(t.recordedAt),
    index('activity_aggregate_idx').on(t.aggregateType, t.aggregateId),
    index('activity_actor_idx').on(t.actorId, t.recordedAt),
  ],
);

export const DEAD_LETTER_STATUSES = ['pending', 'resolved'] as const;

/** Keys a projection could not apply: the pipeline went on without them until an operator retries. */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projection: text('projection').notNull(),
    key: text('key').notNull(),
    /** End of the batch in which the key failed. */
    lsn: pgLsn('lsn').notNull(),
    error: text('error').notNull(),
    errorCode: text('error_code'),
    /** What was being applied: the recomputed read rows (or the key alone when computing failed). */
    payload: jsonb('payload').notNull(),
    attempts: integer('attempts').notNull().default(1),
    status: text('status', { enum: DEAD_LETTER_STATUSES }).notNull().default('pending'),
    resolution: text('resolution'),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastAttemptAt: tz('last_attempt_at').notNull().defaultNow(),
    resolvedAt: tz('resolved_at'),
  },
  (t) => [
    uniqueIndex('dead_letters_pending_key_idx').on(t.projection, t.key).where(sql`status = 'pending'`),
    index('dead_letters_status_idx').on(t.status, t.createdAt),
  ],
);

/** Last transaction each projection has applied (commit end LSN), moved in the same transaction as its rows. */
export const projectionCheckpoints = pgTable('projection_checkpoints', {
  projection: text('projection').primaryKey(),
  lsn: pgLsn('lsn').notNull(),
  lastCommitAt: tz('last_commit_at'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  /** A projector worker reading the change stream: the stream sequence of the last transaction applied (null on the slot). */
  streamSeq: big('stream_seq'),
});

/** Written by the projector every few seconds: what `system.status` and the operations page show. */
export const projectorStatus = pgTable('projector_status', {
  projection: text('projection').primaryKey(),
  checkpointLsn: pgLsn('checkpoint_lsn'),
  lagBytes: big('lag_bytes'),
  lagMs: big('lag_ms'),
  changesPerSecond: real('changes_per_second').notNull().default(0),
  changesTotal: big('changes_total').notNull().default(0),
  backlog: integer('backlog').notNull().default(0),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** One row: the projector process and its replication slot. */
export const projectorProcess = pgTable('projector_process', {
  id: integer('id').primaryKey(),
  state: text('state').notNull(),
  slotName: text('slot_name').notNull(),
  walLsn: pgLsn('wal_lsn'),
  slotRetainedBytes: big('slot_retained_bytes'),
  slotWalStatus: text('slot_wal_status'),
  lastError: text('last_error'),
  pid: integer('pid'),
  startedAt: tz('started_at').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  streaming: boolean('streaming').notNull().default(false),
  /** Times a supervisor (`npm start`) has restarted the projector after it died. */
  restarts: integer('restarts').notNull().default(0),
});

/**
 * Every projector process, active or standing by (docs/deployment.md): one streams, holding
 * an advisory lock; the others wait for it. Each writes its own row every second; a row not
 * written for a while belongs to a process that died or stalls.
 */
export const projectorInstances = pgTable('projector_instances', {
  id: text('id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  role: text('role', { enum: ['active', 'standby'] }).notNull(),
  startedAt: tz('started_at').notNull(),
  activeSince: tz('active_since'),
  heartbeatAt: tz('heartbeat_at').notNull().defaultNow(),
});

/**
 * Products whose search document must be written again, queued by the SQL lane in the same
 * transaction as their summary rows, and removed by the search lane only once Meilisearch has
 * taken them. So the search index never needs the read model's past (what a deleted order
 * sold, which products a truncation removed) and a crash between the two loses nothing.
 */
export const searchQueue = pgTable(
  'search_queue',
  {
    productId: uuid('product_id').primaryKey(),
    /** End of the batch that queued it last: the search lane removes the entry only if no later batch queued it again. */
    lsn: pgLsn('lsn').notNull(),
    /** The SQL checkpoint before the oldest batch waiting here: the index holds every change up to it. */
    sinceLsn: pgLsn('since_lsn').notNull(),
    /** Commit time of the oldest change waiting here (lag). */
    sinceCommitAt: tz('since_commit_at'),
  },
  (t) => [index('search_queue_since_idx').on(t.sinceLsn)],
);

/**
 * Where the read models were loaded from: the write server's system identifier and database.
 * Checkpoints mean nothing against another server (the write database restored or recreated
 * elsewhere); a mismatch makes the projector load afresh instead of freezing.
 */
export const projectorSource = pgTable('projector_source', {
  id: integer('id').primaryKey(),
  systemId: text('system_id').notNull(),
  database: text('database').notNull(),
  slotName: text('slot_name').notNull(),
  consistentPoint: pgLsn('consistent_point').notNull(),
  loadedAt: tz('loaded_at').notNull().defaultNow(),
});

/** `queued`: recorded with the batch that carried the request, so a crash cannot lose it. */
export const REBUILD_STATUSES = ['queued', 'running', 'switched', 'failed'] as const;

/** Rebuilds beside the live read model, with their progress. Id = the request that asked for it. */
export const projectionRebuilds = pgTable(
  'projection_rebuilds',
  {
    id: text('id').primaryKey(),
    projection: text('projection').notNull(),
    status: text('status', { enum: REBUILD_STATUSES }).notNull(),
    total: big('total').notNull().default(0),
    done: big('done').notNull().default(0),
    error: text('error'),
    requestedAt: tz('requested_at').notNull(),
    startedAt: tz('started_at').notNull().defaultNow(),
    finishedAt: tz('finished_at'),
  },
  (t) => [index('projection_rebuilds_started_idx').on(t.startedAt)],
);

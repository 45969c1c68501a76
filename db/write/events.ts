import type { OrderStatus, ProductStatus } from './schema';

/**
 * The journal's contract: every event a command may write, with its literal `type`, the
 * `schemaVersion` commands write today and the shape of its `payload`. The server's domain
 * functions build these, `runCommand` stores them in `journal` (event_type, schema_version,
 * payload), and readers turn a stored row back into one of them with `upcast`
 * (`db/write/eventVersions.ts`), which also upgrades rows written under an older version.
 *
 * Changing a payload's shape means a new version: bump the type's `schemaVersion` here and in
 * `EVENT_SCHEMA_VERSIONS`, and add the step from the previous version in `eventVersions.ts`.
 * Rows already in the journal are never rewritten.
 *
 * Imported by server code, the projector and browser code alike: type-only imports, no Node APIs.
 */

/** What the journal's `aggregate_type` column holds. */
export type AggregateType = 'product' | 'category' | 'warehouse' | 'stock_level' | 'customer' | 'order' | 'projector_request';

/** A value before and after a command. Events list only the fields whose value really changed. */
export interface FieldChange<T> {
  from: T;
  to: T;
}

interface Event<T extends string, V extends number, P> {
  type: T;
  schemaVersion: V;
  payload: P;
}

// ---- catalog: products ----

/** Product events carry the SKU, so the audit trail reads without looking the product up. */
interface ProductPayload {
  sku: string;
}

export interface ProductCreatedPayload extends ProductPayload {
  name: string;
  /** The description the product was created with; `null` when the event predates version 2, which did not record it. */
  description: string | null;
  brand: string | null;
  categoryId: string | null;
  priceCents: number;
  currency: string;
  tags: string[];
  status: ProductStatus;
}

/** The fields `catalog.updateProduct` may change; tags are compared as sorted sets. */
export interface ProductFieldChanges {
  name?: FieldChange<string>;
  description?: FieldChange<string>;
  brand?: FieldChange<string | null>;
  categoryId?: FieldChange<string | null>;
  status?: FieldChange<ProductStatus>;
  tags?: FieldChange<string[]>;
}

export type ProductCreated = Event<'ProductCreated', 2, ProductCreatedPayload>;
export type ProductUpdated = Event<'ProductUpdated', 1, ProductPayload & { changes: ProductFieldChanges }>;
/** `changes` is empty when the price set was the current one. */
export type ProductPriceChanged = Event<'ProductPriceChanged', 1, ProductPayload & { changes: { priceCents?: FieldChange<number> }; currency: string }>;
export type ProductArchived = Event<'ProductArchived', 1, ProductPayload & { changes: { status: FieldChange<ProductStatus> } }>;
export type ProductRestored = Event<'ProductRestored', 1, ProductPayload & { changes: { status: FieldChange<ProductStatus> } }>;

// ---- catalog: categories ----

export type CategoryCreated = Event<'CategoryCreated', 1, { name: string; parentId: string | null }>;
/** A rename, a move (`parentId` `to: null` = top level), both, or (same values given) neither. */
export type CategoryChanged = Event<'CategoryChanged', 1, { changes: { name?: FieldChange<string>; parentId?: FieldChange<string | null> } }>;

// ---- inventory ----

export type WarehouseCreated = Event<'WarehouseCreated', 1, { code: string; name: string }>;

export type StockAdjusted = Event<
  'StockAdjusted',
  1,
  {
    productId: string;
    warehouseId: string;
    sku: string;
    warehouseCode: string;
    /** Units added (positive) or removed (negative). */
    delta: number;
    reason: string;
    quantity: FieldChange<number>;
  }
>;

// ---- customers ----

export type CustomerRegistered = Event<'CustomerRegistered', 1, { email: string; name: string }>;

// ---- orders ----

export interface OrderedLine {
  lineNo: number;
  productId: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

/** Units of one order line taken from one warehouse. */
export interface AllocatedUnits {
  lineNo: number;
  productId: string;
  warehouseId: string;
  quantity: number;
}

/** Units of a product put back into a warehouse. */
export interface ReturnedUnits {
  productId: string;
  warehouseId: string;
  quantity: number;
}

export type OrderPlaced = Event<
  'OrderPlaced',
  1,
  {
    customerId: string;
    currency: string;
    totalCents: number;
    /** ISO 8601 instant. */
    placedAt: string;
    lines: OrderedLine[];
    allocations: AllocatedUnits[];
  }
>;

/** A status change: the status before, the new one, and when (ISO 8601 instant). */
interface OrderMove<To extends OrderStatus> {
  from: OrderStatus;
  to: To;
  at: string;
}

export type OrderPaid = Event<'OrderPaid', 1, OrderMove<'paid'>>;
export type OrderShipped = Event<'OrderShipped', 1, OrderMove<'shipped'>>;
/** `restocked`: every unit the order took, back in the warehouse that gave it. */
export type OrderCancelled = Event<'OrderCancelled', 1, OrderMove<'cancelled'> & { restocked: ReturnedUnits[] }>;

// ---- operator requests to the projector ----

export type RebuildRequested = Event<'RebuildRequested', 1, { projection: string }>;
export type DeadLetterRetryRequested = Event<'DeadLetterRetryRequested', 1, { deadLetterId: string; projection: string; key: string }>;

// ---- the union ----

/** Every event the commands write, each at its current schema version. */
export type DomainEvent =
  | ProductCreated
  | ProductUpdated
  | ProductPriceChanged
  | ProductArchived
  | ProductRestored
  | CategoryCreated
  | CategoryChanged
  | WarehouseCreated
  | StockAdjusted
  | CustomerRegistered
  | OrderPlaced
  | OrderPaid
  | OrderShipped
  | OrderCancelled
  | RebuildRequested
  | DeadLetterRetryRequested;

export type DomainEventType = DomainEvent['type'];

/** The event (or events, for a union of types) of the union with this `type`. */
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** Every event type, in the order of the union. */
export const EVENT_TYPES = [
  'ProductCreated',
  'ProductUpdated',
  'ProductPriceChanged',
  'ProductArchived',
  'ProductRestored',
  'CategoryCreated',
  'CategoryChanged',
  'WarehouseCreated',
  'StockAdjusted',
  'CustomerRegistered',
  'OrderPlaced',
  'OrderPaid',
  'OrderShipped',
  'OrderCancelled',
  'RebuildRequested',
  'DeadLetterRetryRequested',
] as const satisfies readonly DomainEventType[];

/** Does not compile when a type of the union is missing from `EVENT_TYPES`. */
type _EveryTypeListed = Expect<Exclude<DomainEventType, (typeof EVENT_TYPES)[number]>>;
type Expect<Missing extends never> = Missing;

/** The aggregate each event is about: the `aggregate_type` its journal row carries. */
export const EVENT_AGGREGATE = {
  ProductCreated: 'product',
  ProductUpdated: 'product',
  ProductPriceChanged: 'product',
  ProductArchived: 'product',
  ProductRestored: 'product',
  CategoryCreated: 'category',
  CategoryChanged: 'category',
  WarehouseCreated: 'warehouse',
  StockAdjusted: 'stock_level',
  CustomerRegistered: 'customer',
  OrderPlaced: 'order',
  OrderPaid: 'order',
  OrderShipped: 'order',
  OrderCancelled: 'order',
  RebuildRequested: 'projector_request',
  DeadLetterRetryRequested: 'projector_request',
} as const satisfies Record<DomainEventType, AggregateType>;

export type AggregateOf<T extends DomainEventType> = (typeof EVENT_AGGREGATE)[T];

/** The schema version commands write today, per type: the literal `schemaVersion` of the union's member. */
export const EVENT_SCHEMA_VERSIONS = {
  ProductCreated: 2,
  ProductUpdated: 1,
  ProductPriceChanged: 1,
  ProductArchived: 1,
  ProductRestored: 1,
  CategoryCreated: 1,
  CategoryChanged: 1,
  WarehouseCreated: 1,
  StockAdjusted: 1,
  CustomerRegistered: 1,
  OrderPlaced: 1,
  OrderPaid: 1,
  OrderShipped: 1,
  OrderCancelled: 1,
  RebuildRequested: 1,
  DeadLetterRetryRequested: 1,
} as const satisfies { [T in DomainEventType]: EventOf<T>['schemaVersion'] };

/** A journal entry this code cannot read as a `DomainEvent`; its type, version and payload are as stored. */
export interface UnknownEvent {
  unknown: true;
  /**
   * `unknown-type`: no such event type (any more, or not yet); `future-version`: written by a
   * newer release than this one; `unsupported-version`: a version this code has no upgrade
   * path from (0, negative, not a whole number); `malformed-payload`: the payload is not an object.
   */
  reason: 'unknown-type' | 'future-version' | 'unsupported-version' | 'malformed-payload';
  type: string;
  schemaVersion: number;
  payload: unknown;
}

export function isUnknownEvent(event: DomainEvent | UnknownEvent): event is UnknownEvent {
  return 'unknown' in event && event.unknown;
}

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.hasOwn(EVENT_AGGREGATE, type);
}

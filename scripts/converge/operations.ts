import type { ProjectionName } from '@/db/read/projections';

/**
 * What a history is made of. Every value is fixed when the history is generated from its
 * seed; ids are not known then, so an operation names its targets by `Pick`: an index into
 * the rows of that kind in a stable order (sku, email, code, name, placing time), taken
 * modulo their number when the operation runs.
 */
export type Pick = number;

/** A subset of products: those whose `hashtext(sku)` is `remainder` modulo `modulo`. */
export interface ProductSlice {
  modulo: number;
  remainder: number;
}

export type CommandOp =
  | { kind: 'createCategory'; name: string; parent: Pick | null }
  | { kind: 'renameCategory'; category: Pick; name: string | null; move: { parent: Pick | null } | null; stale: boolean }
  | {
      kind: 'createProduct';
      sku: string;
      name: string;
      description: string;
      brand: string | null;
      category: Pick | null;
      priceCents: number;
      currency: string;
      tags: string[];
      status: 'active' | 'draft';
      /** Sent twice at once with one commandId: the second must change nothing. */
      twice: boolean;
    }
  | {
      kind: 'updateProduct';
      product: Pick;
      changes: { name?: string; description?: string; brand?: string | null; category?: Pick | null; tags?: string[]; status?: 'active' | 'draft' };
      stale: boolean;
    }
  | { kind: 'changePrice'; product: Pick; priceCents: number; stale: boolean }
  | { kind: 'archiveProduct' | 'restoreProduct'; product: Pick; stale: boolean }
  | { kind: 'createWarehouse'; code: string; name: string }
  | { kind: 'adjustStock'; product: Pick; warehouse: Pick; delta: number }
  | { kind: 'registerCustomer'; email: string; name: string }
  | { kind: 'placeOrder'; customer: Pick; lines: { product: Pick; quantity: number; inStock: boolean }[]; twice: boolean }
  | { kind: 'payOrder' | 'shipOrder' | 'cancelOrder'; order: Pick; stale: boolean };

export type KeyedTable = 'products' | 'categories' | 'customers' | 'warehouses' | 'orders';

/** Raw SQL on the write database as its owner: what no command does, but the database allows. */
export type SqlOp =
  | { kind: 'sqlRepriceMany'; slice: ProductSlice; deltaCents: number }
  | { kind: 'sqlTouchRepeatedly'; slice: ProductSlice; times: number }
  | { kind: 'sqlMoveProducts'; slice: ProductSlice; category: Pick | null }
  | { kind: 'sqlMoveCategory'; category: Pick; parent: Pick | null }
  | { kind: 'sqlRenameMany'; table: 'categories' | 'customers' | 'warehouses' | 'users'; suffix: string }
  | { kind: 'sqlStockMany'; slice: ProductSlice; delta: number }
  | { kind: 'sqlDeleteOrder'; order: Pick }
  | { kind: 'sqlDeleteProduct'; product: Pick; withOrders: boolean }
  | { kind: 'sqlDeleteMany'; slice: ProductSlice }
  | { kind: 'sqlDeleteTags'; product: Pick }
  | { kind: 'sqlChangeKey'; table: KeyedTable; target: Pick }
  | { kind: 'sqlRetag'; product: Pick }
  | { kind: 'sqlMoveStock'; product: Pick; from: Pick; to: Pick }
  | { kind: 'sqlToastDescription'; product: Pick; chars: number; textSeed: number; then: 'price' | 'name' | 'status' | 'category' | 'stock' }
  | { kind: 'sqlLargeTransaction'; rows: number; shape: 'insert' | 'churn' }
  /** Text JSON and the decoder must carry intact: quotes, backslashes, control characters, emoji, other scripts. */
  | { kind: 'sqlOddText'; product: Pick; field: 'name' | 'description' | 'brand'; text: string }
  /** A logical decoding message (`pg_logical_emit_message`), inside a transaction that also writes, or on its own; content starting `\x` (hex) is sent as bytes. */
  | { kind: 'sqlEmitMessage'; transactional: boolean; content: string }
  | { kind: 'sqlTruncateProducts' };

export type Fault =
  | { kind: 'projectorKill'; signal: 'SIGKILL' | 'SIGTERM'; downMs: number; batchChanges: number }
  | { kind: 'meiliRestart'; signal: 'SIGKILL' | 'SIGTERM'; downMs: number }
  | { kind: 'postgresRestart'; mode: 'fast' | 'immediate'; downMs: number }
  | { kind: 'rebuild'; projection: ProjectionName; via: 'http' | 'cli' }
  | { kind: 'retryDeadLetters' }
  /** A read-model constraint that refuses products named `POISON…` (their changes become dead letters), lifted after `downMs`, then the letters retried. */
  | { kind: 'poison'; downMs: number }
  /** With the change stream in between (`--stream`): the publisher, or NATS itself, stopped and started again. */
  | { kind: 'publisherKill'; signal: 'SIGKILL' | 'SIGTERM'; downMs: number }
  | { kind: 'natsRestart'; signal: 'SIGKILL' | 'SIGTERM'; downMs: number };

export interface FaultOp {
  kind: 'fault';
  fault: Fault;
  /** Fired this long after it is reached; in the background (the next operations run meanwhile) or awaited. */
  delayMs: number;
  background: boolean;
}

export interface BurstOp {
  kind: 'burst';
  ops: (CommandOp | SqlOp)[];
}

/**
 * A quiet point inside the history: faults over, the projector caught up, every read model
 * compared. The invariant holds there as at the end; a later change could hide a divergence
 * that was there (a recount that repairs a drifted count), so the history stops at the first.
 */
export interface CheckOp {
  kind: 'check';
}

export type Op = CommandOp | SqlOp | FaultOp | BurstOp | CheckOp;

/** What shapes the generated history: part of the replay command when not the default. */
export interface GenerationOptions {
  ops: number;
  /** Faults per history (spread at random positions). */
  faults: number;
  /** Rows of the one large transaction a history may hold (0: none). */
  largeRows: number;
  /** Operation or fault kinds left out (`sqlTruncateProducts`, `poison`, …): to look past a divergence already known. */
  exclude?: string[];
  /** The change stream in between: the projector reads JetStream, filled by the publisher (faults on both). */
  stream?: boolean;
}

export interface History {
  seed: number;
  options: GenerationOptions;
  /** Projector batch size (`PROJECTOR_BATCH_CHANGES`) at the start of the history. */
  batchChanges: number;
  ops: Op[];
}

export const isSqlOp = (op: Op): op is SqlOp => op.kind.startsWith('sql');

import type { ProjectedTable } from '@/db/write/schema';
import { UNAVAILABLE, type ChangeEvent, type RowImage } from '../events/envelope';

/**
 * Which write-model keys a batch of changes altered. Projections turn these into the read
 * rows to recompute from the write model, so an update that omits TOASTed columns, a delete
 * that carries only its key and a key change all come down to "key X changed". Only keys are
 * kept, never row images: a 100k-row transaction costs 100k keys of memory.
 */
export const ENTITIES = ['product', 'category', 'warehouse', 'order', 'customer', 'journal', 'user', 'request', 'orderedProduct', 'orderCustomer', 'orderPlacedAt'] as const;
export type Entity = (typeof ENTITIES)[number];

export interface Touches {
  keys: Record<Entity, Set<string>>;
  /** Tables with at least one change (some projections care about tables, not keys). */
  tables: Set<string>;
  /**
   * Every read row must be recomputed: a projected table was truncated, or the stream sent a
   * record the projector could not read (it cannot know which keys that record touched).
   */
  everything: boolean;
  /** Tables that had rows inserted or deleted (not only updated). */
  rowsAddedOrRemoved: Set<string>;
  changeCount: number;
}

/** Where each projected table's keys are: [column, entity]. Deletes carry only the replica identity (the primary key). */
const KEY_COLUMNS: Record<ProjectedTable, [string, Entity][]> = {
  products: [['id', 'product']],
  product_tags: [['product_id', 'product']],
  categories: [['id', 'category']],
  warehouses: [['id', 'warehouse']],
  stock_levels: [['product_id', 'product']],
  customers: [['id', 'customer']],
  // What an order counts towards, from its own row images: an order inserted and deleted within one
  // batch is in neither the write model nor the read model when the batch is applied, yet an earlier
  // batch's snapshot (taken later than its changes) may have counted it already.
  orders: [['id', 'order'], ['customer_id', 'orderCustomer'], ['placed_at', 'orderPlacedAt']],
  order_lines: [['order_id', 'order'], ['product_id', 'orderedProduct']],
  journal: [['id', 'journal']],
  users: [['id', 'user']],
  projector_requests: [['id', 'request']],
};

export function emptyTouches(): Touches {
  const keys = Object.fromEntries(ENTITIES.map((e) => [e, new Set<string>()])) as Record<Entity, Set<string>>;
  return { keys, tables: new Set(), everything: false, rowsAddedOrRemoved: new Set(), changeCount: 0 };
}

/**
 * The keys a change event altered: from `after` and, for a delete or a key change, `before`
 * (the old key). An unchanged TOASTed value (`UNAVAILABLE`) is never a key.
 */
export function addEvent(touches: Touches, event: ChangeEvent): void {
  const { table } = event.source;
  touches.changeCount += 1;
  touches.tables.add(table);
  if (event.op === 't') {
    touches.everything = true;
    return;
  }
  const columns = Object.hasOwn(KEY_COLUMNS, table) ? KEY_COLUMNS[table as ProjectedTable] : undefined;
  if (!columns) return;
  if (event.op !== 'u') touches.rowsAddedOrRemoved.add(table);
  for (const [column, entity] of columns) {
    // Both the new key and, when the key changed or the row went away, the old one.
    for (const image of [event.after, event.before]) {
      const key = keyIn(image, column);
      if (key !== undefined) touches.keys[entity].add(key);
    }
  }
}

/** A placeholder for a value the update did not carry is never a key. */
function keyIn(image: RowImage | null, column: string): string | undefined {
  const value = image?.[column];
  if (value === UNAVAILABLE) return undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Fold `from` into `into`: keys are sets, so waiting work stays as large as the distinct keys. */
export function mergeTouches(into: Touches, from: Touches): void {
  for (const entity of ENTITIES) for (const key of from.keys[entity]) into.keys[entity].add(key);
  for (const table of from.tables) into.tables.add(table);
  for (const table of from.rowsAddedOrRemoved) into.rowsAddedOrRemoved.add(table);
  into.everything ||= from.everything;
  into.changeCount += from.changeCount;
}

export function cloneTouches(touches: Touches): Touches {
  const copy = emptyTouches();
  mergeTouches(copy, touches);
  return copy;
}

export function touchesAnything(t: Touches): boolean {
  return t.everything || ENTITIES.some((e) => t.keys[e].size > 0);
}

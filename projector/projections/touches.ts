import { columnValue, type RowMessage, type TruncateMessage } from '../source/wal2json';
import type { SourceTransaction } from '../source/transactions';

/**
 * Which read rows a batch of changes may have altered. Projections recompute those keys
 * from the write model, so an update that omits TOASTed columns, a delete that carries only
 * its key, or a key change all come down to "key X changed".
 */
export interface Touches {
  productIds: Set<string>;
  categoryIds: Set<string>;
  /** A truncate of a projected table: every product must be recomputed. */
  allProducts: boolean;
  /** Anything that can change the category tree (categories, or product counts). */
  categoryTree: boolean;
  changeCount: number;
}

export function emptyTouches(): Touches {
  return { productIds: new Set(), categoryIds: new Set(), allProducts: false, categoryTree: false, changeCount: 0 };
}

export function addTransaction(touches: Touches, txn: SourceTransaction): void {
  for (const change of txn.changes) addChange(touches, change);
}

function addChange(touches: Touches, change: RowMessage | TruncateMessage): void {
  touches.changeCount += 1;
  if (change.action === 'T') {
    if (change.table === 'products' || change.table === 'product_tags' || change.table === 'categories') {
      touches.allProducts = true;
      touches.categoryTree = true;
    }
    return;
  }
  switch (change.table) {
    case 'products':
      addKeys(touches.productIds, change, 'id');
      touches.categoryTree = true;
      return;
    case 'product_tags':
      addKeys(touches.productIds, change, 'product_id');
      return;
    case 'categories':
      addKeys(touches.categoryIds, change, 'id');
      touches.categoryTree = true;
      return;
    default:
      return;
  }
}

/** Both the new key and, when the key changed or the row went away, the old one. */
function addKeys(into: Set<string>, change: RowMessage, column: string): void {
  for (const image of [change.columns, change.identity]) {
    const value = columnValue(image, column);
    if (typeof value === 'string') into.add(value);
  }
}

/** Fold `from` into `into`: keys are a set, so waiting work stays as large as the distinct keys. */
export function mergeTouches(into: Touches, from: Touches): void {
  for (const id of from.productIds) into.productIds.add(id);
  for (const id of from.categoryIds) into.categoryIds.add(id);
  into.allProducts ||= from.allProducts;
  into.categoryTree ||= from.categoryTree;
  into.changeCount += from.changeCount;
}

export function touchesAnything(t: Touches): boolean {
  return t.productIds.size > 0 || t.categoryIds.size > 0 || t.allProducts || t.categoryTree;
}

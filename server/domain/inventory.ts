import type { EventOf } from '@/db/write/events';
import { DomainError, versionConflict } from './errors';

/**
 * The business rules of stock as pure functions: what a stock adjustment leaves on the shelf,
 * when it is refused, and what the journal records. Command handlers lock the stock level,
 * call these, and persist what they return.
 */

/** The largest change one adjustment may make, either way: bigger numbers are typing mistakes. */
export const MAX_STOCK_DELTA = 1_000_000;

/** `stock_levels.quantity` is a Postgres integer: a larger quantity could not be stored. */
export const MAX_STOCK_QUANTITY = 2_147_483_647;

export const WAREHOUSE_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,15}$/;

/** One stock level: a product in a warehouse, as the handler found it once it held the lock. */
export interface StockLevelState {
  quantity: number;
  version: number;
}

export interface StockAdjustment {
  productId: string;
  warehouseId: string;
  /** Units added (positive) or removed (negative). */
  delta: number;
  reason: string;
  expectedVersion?: number | undefined;
}

/** How the product and the warehouse are named in messages and in the audit trail. */
export interface StockPlace {
  product: { sku: string; name: string };
  warehouse: { code: string; name: string };
}

export type StockEvent = EventOf<'StockAdjusted'>;

export interface StockDecision {
  /** The quantity after the adjustment. */
  quantity: number;
  /** The stock level's version after the adjustment: 1 when this adjustment creates it. */
  version: number;
  event: StockEvent;
}

/** A stock level is named by its product and warehouse: `<productId>:<warehouseId>`. */
export function stockLevelId(productId: string, warehouseId: string): string {
  return `${productId}:${warehouseId}`;
}

/**
 * Applies an adjustment to the stock level as it is (`undefined`: this product has never been
 * stocked in this warehouse, which counts as zero units). Refuses it when the caller saw another
 * version, when it would leave fewer than zero units, or more than can be stored.
 */
export function decideStockAdjustment(current: StockLevelState | undefined, adjustment: StockAdjustment, place: StockPlace): StockDecision {
  if (adjustment.expectedVersion !== undefined) assertExpectedStockVersion(current, adjustment.expectedVersion, place);
  const available = current?.quantity ?? 0;
  const quantity = available + adjustment.delta;
  if (quantity < 0) throw stockBelowZero(available, adjustment.delta, place);
  if (quantity > MAX_STOCK_QUANTITY) throw stockAboveMaximum(available, adjustment.delta, place);
  return {
    quantity,
    version: current ? current.version + 1 : 1,
    event: {
      type: 'StockAdjusted',
      schemaVersion: 1,
      payload: {
        productId: adjustment.productId,
        warehouseId: adjustment.warehouseId,
        sku: place.product.sku,
        warehouseCode: place.warehouse.code,
        delta: adjustment.delta,
        reason: adjustment.reason,
        quantity: { from: available, to: quantity },
      },
    },
  };
}

/** The caller saw this stock level at `expected`; someone else's adjustment since then is a conflict. */
export function assertExpectedStockVersion(current: StockLevelState | undefined, expected: number, place: StockPlace): void {
  if (!current) {
    // A version can only have been seen on a stock level that exists; 0 says "none yet".
    throw new DomainError(
      'CONFLICT',
      `${describePlace(place)} has no stock record yet (you had version ${expected}); reload and try again`,
      { rule: 'expected-version', currentVersion: 0 },
    );
  }
  if (current.version !== expected) throw versionConflict(`The stock of ${describePlace(place)}`, expected, current.version);
}

/** A new warehouse; its code is unique by constraint (see `warehouseCodeTaken`). */
export function warehouseCreated(warehouse: { code: string; name: string }): EventOf<'WarehouseCreated'> {
  return { type: 'WarehouseCreated', schemaVersion: 1, payload: { code: warehouse.code, name: warehouse.name } };
}

/** The warehouse-code rule is held by a unique constraint; this is how its violation reads. */
export function warehouseCodeTaken(code: string): DomainError {
  const message = `Warehouse code ${code} is already used by another warehouse`;
  return new DomainError('CONFLICT', message, { rule: 'unique-warehouse-code', fields: { code: [message] } });
}

function stockBelowZero(available: number, delta: number, place: StockPlace): DomainError {
  const requested = -delta;
  return new DomainError(
    'RULE_VIOLATION',
    `Cannot remove ${units(requested)} of ${describePlace(place)}: only ${units(available)} in stock`,
    { rule: 'stock-below-zero', available, requested },
  );
}

function stockAboveMaximum(available: number, delta: number, place: StockPlace): DomainError {
  return new DomainError(
    'RULE_VIOLATION',
    `Cannot add ${units(delta)} to ${describePlace(place)}: the stock would exceed ${MAX_STOCK_QUANTITY.toLocaleString('en')} units`,
    { rule: 'stock-above-maximum', available, requested: delta, maximum: MAX_STOCK_QUANTITY },
  );
}

function describePlace({ product, warehouse }: StockPlace): string {
  return `"${product.name}" (SKU ${product.sku}) in warehouse ${warehouse.code}`;
}

function units(count: number): string {
  return count === 1 ? '1 unit' : `${count} units`;
}

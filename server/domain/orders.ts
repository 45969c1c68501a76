import type { EventOf } from '@/db/write/events';
import type { OrderStatus, ProductStatus } from '@/db/write/schema';
import { DomainError, notFound } from './errors';

/**
 * The business rules of orders as pure functions: which status changes are allowed, what a
 * product must be to be ordered, what an order costs, and which warehouses give its units.
 * Command handlers load the state, call these, and persist what they return.
 */

/** `orders.total_cents` is a Postgres integer: a larger total could not be stored. */
export const MAX_ORDER_TOTAL_CENTS = 2_147_483_647;

export interface OrderLineRequest {
  productId: string;
  quantity: number;
}

export interface ProductForOrder {
  id: string;
  sku: string;
  name: string;
  status: ProductStatus;
  priceCents: number;
  currency: string;
}

export interface PricedLine {
  lineNo: number;
  productId: string;
  quantity: number;
  unitPriceCents: number;
}

export interface PricedOrder {
  currency: string;
  totalCents: number;
  lines: PricedLine[];
}

export interface StockRow {
  productId: string;
  warehouseId: string;
  quantity: number;
}

export interface Allocation {
  lineNo: number;
  productId: string;
  warehouseId: string;
  quantity: number;
}

export interface Shortage {
  productId: string;
  requested: number;
  available: number;
}

export type AllocationResult = { ok: true; allocations: Allocation[] } | { ok: false; shortage: Shortage };

// ---- status transitions ----

/** The statuses each status may move to; shipped and cancelled orders are final. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: [],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  throw new DomainError('RULE_VIOLATION', describeIllegalTransition(from, to), { rule: 'illegal-transition', from, to });
}

/** The events of the status changes after placing: paid, shipped, cancelled. */
export type OrderStatusEvent = EventOf<'OrderPaid' | 'OrderShipped' | 'OrderCancelled'>;

/** A status change as the handler made it: the status the order had, and when it moved. */
export interface OrderMove {
  from: OrderStatus;
  at: Date;
}

export function orderPaid({ from, at }: OrderMove): EventOf<'OrderPaid'> {
  return { type: 'OrderPaid', schemaVersion: 1, payload: { from, to: 'paid', at: at.toISOString() } };
}

export function orderShipped({ from, at }: OrderMove): EventOf<'OrderShipped'> {
  return { type: 'OrderShipped', schemaVersion: 1, payload: { from, to: 'shipped', at: at.toISOString() } };
}

/** `restocked`: the units the cancellation put back, per product and warehouse. */
export function orderCancelled({ from, at }: OrderMove, restocked: StockRow[]): EventOf<'OrderCancelled'> {
  return { type: 'OrderCancelled', schemaVersion: 1, payload: { from, to: 'cancelled', at: at.toISOString(), restocked } };
}

function describeIllegalTransition(from: OrderStatus, to: OrderStatus): string {
  if (from === to) return `This order is already ${from}`;
  if (from === 'placed' && to === 'shipped') return 'A placed order cannot be shipped before it is paid';
  return `A ${from} order cannot be ${to}`;
}

// ---- placing an order ----

/** Only active products are sold: drafts are not ready yet, archived ones are withdrawn. */
export function assertOrderable(product: ProductForOrder): void {
  if (product.status === 'active') return;
  const why = product.status === 'draft' ? 'is still a draft' : 'is archived';
  throw new DomainError('RULE_VIOLATION', `${describeProduct(product)} ${why} and cannot be ordered`, {
    rule: 'product-not-orderable',
    productId: product.id,
    sku: product.sku,
    status: product.status,
  });
}

/** An order has one currency, so every product in it must be priced in the same one. */
export function singleCurrency(products: readonly ProductForOrder[]): string {
  const [first, ...others] = products;
  if (!first) throw emptyOrder();
  const different = others.find((product) => product.currency !== first.currency);
  if (different) {
    throw new DomainError(
      'RULE_VIOLATION',
      `All products of one order must have the same currency: ${describeProduct(first)} is priced in ${first.currency}, ` +
        `${describeProduct(different)} in ${different.currency}`,
      { rule: 'mixed-currency', currencies: [...new Set(products.map((product) => product.currency))] },
    );
  }
  return first.currency;
}

export function orderTotal(lines: readonly Pick<PricedLine, 'quantity' | 'unitPriceCents'>[]): number {
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  if (total > MAX_ORDER_TOTAL_CENTS) {
    throw new DomainError(
      'RULE_VIOLATION',
      `The order total is larger than one order can hold (${(MAX_ORDER_TOTAL_CENTS / 100).toFixed(2)}); split it into several orders`,
      { rule: 'order-total-too-large', totalCents: total, maxTotalCents: MAX_ORDER_TOTAL_CENTS },
    );
  }
  return total;
}

/**
 * Prices the requested lines at the products' current prices, numbering them 1..n in the
 * order given. Refuses unknown products, products that cannot be sold, mixed currencies and
 * totals too large to store.
 */
export function priceOrder(lines: readonly OrderLineRequest[], products: ReadonlyMap<string, ProductForOrder>): PricedOrder {
  const ordered = lines.map((line) => {
    const product = products.get(line.productId);
    if (!product) throw notFound('Product', line.productId);
    assertOrderable(product);
    return { line, product };
  });
  const currency = singleCurrency(ordered.map(({ product }) => product));
  const priced = ordered.map(({ line, product }, index) => ({
    lineNo: index + 1,
    productId: product.id,
    quantity: line.quantity,
    unitPriceCents: product.priceCents,
  }));
  return { currency, totalCents: orderTotal(priced), lines: priced };
}

/**
 * Takes each line's units from the warehouses holding the most of that product first (ties:
 * lowest warehouse id first), so orders are served from few warehouses and stock stays
 * balanced. Lines are served in order; the first line that cannot be fully covered is the
 * shortage, and then nothing is allocated at all.
 */
export function allocateStock(lines: readonly OrderLineRequest[], stock: readonly StockRow[]): AllocationResult {
  const remaining = stock.map((row) => ({ ...row }));
  const allocations: Allocation[] = [];
  for (const [index, line] of lines.entries()) {
    const sources = remaining.filter((row) => row.productId === line.productId);
    const available = sources.reduce((sum, row) => sum + row.quantity, 0);
    if (available < line.quantity) {
      return { ok: false, shortage: { productId: line.productId, requested: line.quantity, available } };
    }
    allocations.push(...takeUnits(index + 1, line, sources.sort(mostStockFirst)));
  }
  return { ok: true, allocations };
}

/** Takes the line's units from `sources` in their order; the caller made sure they suffice. */
function takeUnits(lineNo: number, line: OrderLineRequest, sources: StockRow[]): Allocation[] {
  const taken: Allocation[] = [];
  let needed = line.quantity;
  for (const source of sources) {
    if (needed === 0) break;
    const quantity = Math.min(needed, source.quantity);
    source.quantity -= quantity;
    needed -= quantity;
    taken.push({ lineNo, productId: line.productId, warehouseId: source.warehouseId, quantity });
  }
  return taken;
}

function mostStockFirst(a: StockRow, b: StockRow): number {
  if (a.quantity !== b.quantity) return b.quantity - a.quantity;
  return a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0;
}

/**
 * The journal event of a placed order: its priced lines (with each product's SKU, so the audit
 * trail reads without looking products up) and which warehouse gave which units.
 */
export function orderPlaced(
  placed: { customerId: string; placedAt: Date },
  order: PricedOrder,
  allocations: readonly Allocation[],
  products: ReadonlyMap<string, Pick<ProductForOrder, 'sku'>>,
): EventOf<'OrderPlaced'> {
  return {
    type: 'OrderPlaced',
    schemaVersion: 1,
    payload: {
      customerId: placed.customerId,
      currency: order.currency,
      totalCents: order.totalCents,
      placedAt: placed.placedAt.toISOString(),
      lines: order.lines.map((line) => ({ ...line, sku: skuOf(products, line.productId) })),
      allocations: [...allocations],
    },
  };
}

/** `priceOrder` has refused products it does not know, so every line's product is in the map. */
function skuOf(products: ReadonlyMap<string, Pick<ProductForOrder, 'sku'>>, productId: string): string {
  const product = products.get(productId);
  if (!product) throw new Error(`Product ${productId} of a priced order line is missing from the products passed`);
  return product.sku;
}

export function insufficientStock(shortage: Shortage, product: Pick<ProductForOrder, 'sku' | 'name'>): DomainError {
  return new DomainError(
    'RULE_VIOLATION',
    `Not enough stock of ${describeProduct(product)}: ${shortage.requested} requested, ${shortage.available} available`,
    { rule: 'insufficient-stock', ...shortage },
  );
}

function emptyOrder(): DomainError {
  return new DomainError('BAD_INPUT', 'An order needs at least one line', { fields: { lines: ['An order needs at least one line'] } });
}

function describeProduct(product: Pick<ProductForOrder, 'sku' | 'name'>): string {
  return `"${product.name}" (SKU ${product.sku})`;
}

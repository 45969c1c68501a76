import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { customers, orderAllocations, orderLines, orders, products } from '@/db/write/schema';
import { notFound } from '../domain/errors';
import {
  allocateStock,
  insufficientStock,
  orderPlaced,
  priceOrder,
  type Allocation,
  type PricedOrder,
  type ProductForOrder,
} from '../domain/orders';
import type { PlaceOrderInput } from './placeOrder.input';
import { lockStockRows } from './stock';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

interface PlacedOrder {
  id: string;
  version: number;
  placedAt: Date;
}

/**
 * Places an order: prices its lines at today's prices, takes the units from the warehouses
 * and records which warehouse gave what, all or nothing.
 */
export async function placeOrder(deps: CommandDeps, actor: Actor | null, input: PlaceOrderInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'orders.place', actor, commandId: input.commandId }, async (tx) => {
    const productIds = input.lines.map((line) => line.productId);
    await assertCustomerExists(tx, input.customerId);
    const catalog = await loadProducts(tx, productIds);
    const order = priceOrder(input.lines, catalog);
    const allocation = allocateStock(input.lines, await lockStockRows(tx, productIds));
    if (!allocation.ok) throw insufficientStock(allocation.shortage, catalog.get(allocation.shortage.productId)!);

    const placed = await insertOrder(tx, input.customerId, order, allocation.allocations);
    await takeStock(tx, allocation.allocations);
    return {
      aggregateType: 'order',
      aggregateId: placed.id,
      version: placed.version,
      event: orderPlaced({ customerId: input.customerId, placedAt: placed.placedAt }, order, allocation.allocations, catalog),
    };
  });
}

// Customer and products are read `for key share`: the lock the new rows' foreign keys take
// anyway, taken before deciding. They cannot vanish before the commit, while price changes
// and archiving go on unhindered (the order keeps the price and status it saw).

async function assertCustomerExists(tx: WriteTx, customerId: string): Promise<void> {
  const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('key share');
  if (!customer) throw notFound('Customer', customerId);
}

async function loadProducts(tx: WriteTx, productIds: string[]): Promise<Map<string, ProductForOrder>> {
  const rows = await tx
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      status: products.status,
      priceCents: products.priceCents,
      currency: products.currency,
    })
    .from(products)
    .where(inArray(products.id, productIds))
    .orderBy(asc(products.id))
    .for('key share');
  return new Map(rows.map((row) => [row.id, row]));
}

/** The order, its lines 1..n and which warehouse gives how many units of each line. */
async function insertOrder(tx: WriteTx, customerId: string, order: PricedOrder, allocations: Allocation[]): Promise<PlacedOrder> {
  const [placed] = await tx
    .insert(orders)
    .values({ customerId, status: 'placed', currency: order.currency, totalCents: order.totalCents })
    .returning({ id: orders.id, version: orders.version, placedAt: orders.placedAt });
  const orderId = placed!.id;
  await tx.insert(orderLines).values(order.lines.map((line) => ({ orderId, ...line })));
  await tx.insert(orderAllocations).values(allocations.map(({ lineNo, warehouseId, quantity }) => ({ orderId, lineNo, warehouseId, quantity })));
  return placed!;
}

/** One statement for all rows: the stock locks are held for as short a time as possible. */
async function takeStock(tx: WriteTx, allocations: readonly Allocation[]): Promise<void> {
  const taken = sql.join(
    allocations.map((a) => sql`(${a.productId}::uuid, ${a.warehouseId}::uuid, ${a.quantity}::integer)`),
    sql`, `,
  );
  await tx.execute(sql`
    update stock_levels as s
       set quantity = s.quantity - taken.quantity, version = s.version + 1, updated_at = now()
      from (values ${taken}) as taken (product_id, warehouse_id, quantity)
     where s.product_id = taken.product_id and s.warehouse_id = taken.warehouse_id`);
}

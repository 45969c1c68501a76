import { eq, inArray } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { orderSummaries, productSummaries, type OrderItem } from '@/db/read/schema';
import { notFound } from '../domain/errors';
import { waitForPosition, type Freshness } from './freshness';
import type { GetOrderInput } from './getOrder.input';
import { asListItem, orderListColumns, type OrderListItem } from './listOrders';
import { statusHistory, type StatusChange } from './orderHistory';

export interface OrderLineView extends OrderItem {
  /** From the product's summary as it is now; null if the read model has no such product. */
  sku: string | null;
  name: string | null;
}

export interface OrderView extends OrderListItem {
  items: OrderLineView[];
  paidAt: Date | null;
  shippedAt: Date | null;
  cancelledAt: Date | null;
  history: StatusChange[];
}

/** One order with its lines named after their products, and the statuses it went through. */
export async function getOrder(db: ReadDb, input: GetOrderInput, waitMs: number): Promise<{ order: OrderView } & Freshness> {
  const freshness = await waitForPosition(db, 'order_summaries', input.after, waitMs);
  const [row] = await db
    .select({
      ...orderListColumns,
      items: orderSummaries.items,
      paidAt: orderSummaries.paidAt,
      shippedAt: orderSummaries.shippedAt,
      cancelledAt: orderSummaries.cancelledAt,
    })
    .from(orderSummaries)
    .where(eq(orderSummaries.id, input.id));
  if (!row) throw freshness.fresh ? notFound('Order', input.id) : notFound('Order (not projected yet)', input.id);
  const order = asListItem(row);
  return { order: { ...order, items: await nameItems(db, order.items), history: statusHistory(order) }, ...freshness };
}

/** Product names are joined when read, so renaming a product never rewrites its orders. */
async function nameItems(db: ReadDb, items: OrderItem[]): Promise<OrderLineView[]> {
  const ids = [...new Set(items.map((item) => item.productId))];
  const products = ids.length
    ? await db
        .select({ id: productSummaries.id, sku: productSummaries.sku, name: productSummaries.name })
        .from(productSummaries)
        .where(inArray(productSummaries.id, ids))
    : [];
  const byId = new Map(products.map((product) => [product.id, product]));
  return items.map((item) => ({ ...item, sku: byId.get(item.productId)?.sku ?? null, name: byId.get(item.productId)?.name ?? null }));
}

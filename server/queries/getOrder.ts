import { eq, inArray } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { orderSummaries, productSummaries, type OrderItem } from '@/db/read/schema';
import { notFound } from '../domain/errors';
import { waitForPosition, type Freshness } from './freshness';
import type { GetOrderInput } from './getOrder.input';
import { orderColumns, toOrderView, type OrderLineView, type OrderView } from './orderView';

/** One order with its lines named after their products, and the statuses it went through. */
export async function getOrder(db: ReadDb, input: GetOrderInput, waitMs: number): Promise<{ order: OrderView } & Freshness> {
  const freshness = await waitForPosition(db, 'order_summaries', input.after, waitMs);
  const [row] = await db.select(orderColumns).from(orderSummaries).where(eq(orderSummaries.id, input.id));
  if (!row) throw freshness.fresh ? notFound('Order', input.id) : notFound('Order (not projected yet)', input.id);
  return { order: toOrderView(row, await nameItems(db, row.items)), ...freshness };
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

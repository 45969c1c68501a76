import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { orderSummaries } from '@/db/read/schema';
import { containsPattern } from './likePattern';
import type { ListOrdersInput, OrderSort } from './listOrders.input';
import { orderListColumns, toOrderListItem, type OrderListItem } from './orderView';

/** Defined in `orderView` with the other order shapes; exported here too, with the page that holds it. */
export type { OrderListItem };

export interface OrderPage {
  items: OrderListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** Ties broken by id, so pages never overlap or skip an order. */
const ORDER_BY: Record<OrderSort, SQL[]> = {
  'placed:desc': [desc(orderSummaries.placedAt), desc(orderSummaries.id)],
  'placed:asc': [asc(orderSummaries.placedAt), asc(orderSummaries.id)],
  'total:desc': [desc(orderSummaries.totalCents), desc(orderSummaries.placedAt), desc(orderSummaries.id)],
};

/**
 * Orders matching every given filter. Status, customer and placed-at ranges are served by the
 * (status, placed_at), (customer_id, placed_at) and (placed_at) indexes.
 */
export async function listOrders(db: ReadDb, input: ListOrdersInput): Promise<OrderPage> {
  const where = and(
    input.status?.length ? inArray(orderSummaries.status, input.status) : undefined,
    input.customerId ? eq(orderSummaries.customerId, input.customerId) : undefined,
    input.from ? gte(orderSummaries.placedAt, input.from) : undefined,
    input.to ? lt(orderSummaries.placedAt, input.to) : undefined,
    input.q ? or(ilike(orderSummaries.customerName, containsPattern(input.q)), ilike(orderSummaries.customerEmail, containsPattern(input.q))) : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(orderListColumns)
      .from(orderSummaries)
      .where(where)
      .orderBy(...ORDER_BY[input.sort])
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(orderSummaries).where(where),
  ]);
  return { items: rows.map(toOrderListItem), total, page: input.page, pageSize: input.pageSize };
}

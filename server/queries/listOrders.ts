import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { orderSummaries } from '@/db/read/schema';
import type { OrderStatus } from '@/db/write/schema';
import { containsPattern } from './likePattern';
import type { ListOrdersInput, OrderSort } from './listOrders.input';

export interface OrderListItem {
  id: string;
  customerId: string;
  customerName: string;
  customerEmail: string;
  status: OrderStatus;
  currency: string;
  totalCents: number;
  lineCount: number;
  itemCount: number;
  version: number;
  placedAt: Date;
  updatedAt: Date;
}

export interface OrderPage {
  items: OrderListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The columns of an order in lists: everything but its lines. */
export const orderListColumns = {
  id: orderSummaries.id,
  customerId: orderSummaries.customerId,
  customerName: orderSummaries.customerName,
  customerEmail: orderSummaries.customerEmail,
  status: orderSummaries.status,
  currency: orderSummaries.currency,
  totalCents: orderSummaries.totalCents,
  lineCount: orderSummaries.lineCount,
  itemCount: orderSummaries.itemCount,
  version: orderSummaries.version,
  placedAt: orderSummaries.placedAt,
  updatedAt: orderSummaries.updatedAt,
};

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
  return { items: rows.map(asListItem), total, page: input.page, pageSize: input.pageSize };
}

/** The read model stores the status as text; the projector only ever writes the write model's statuses. */
export function asListItem<T extends { status: string }>(row: T): T & { status: OrderStatus } {
  return row as T & { status: OrderStatus };
}

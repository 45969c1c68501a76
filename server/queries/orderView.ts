import { getTableColumns } from 'drizzle-orm';
import { orderSummaries, type OrderItem } from '@/db/read/schema';
import type { OrderStatus } from '@/db/write/schema';
import { statusHistory, type StatusChange } from './orderHistory';

/**
 * The shapes the order queries answer, derived from the `order_summaries` row: an order in lists
 * (`orders.list`, a customer's orders) and an order alone (`orders.get`). The columns each
 * selects and the row → view mapping are here, so both answer the same fields the same way.
 */

type OrderSummaryRow = typeof orderSummaries.$inferSelect;

const { items, paidAt, shippedAt, cancelledAt, ...listColumns } = getTableColumns(orderSummaries);

/** The columns of an order in lists: everything but its lines and the times it was paid, shipped or cancelled. */
export const orderListColumns = listColumns;

/** The columns of one order: its list columns, then its lines and status times. */
export const orderColumns = { ...listColumns, items, paidAt, shippedAt, cancelledAt };

type OrderListRow = Pick<OrderSummaryRow, keyof typeof orderListColumns>;

export interface OrderListItem extends Omit<OrderListRow, 'status'> {
  status: OrderStatus;
}

export interface OrderLineView extends OrderItem {
  /** From the product's summary as it is now; null if the read model has no such product. */
  sku: string | null;
  name: string | null;
}

export interface OrderView extends Omit<OrderSummaryRow, 'status' | 'items'> {
  status: OrderStatus;
  items: OrderLineView[];
  history: StatusChange[];
}

/** The read model stores the status as text; the projector only ever writes the write model's statuses. */
function withOrderStatus<T extends { status: string }>(row: T): Omit<T, 'status'> & { status: OrderStatus } {
  return row as Omit<T, 'status'> & { status: OrderStatus };
}

/** An order in lists, from its row selected with `orderListColumns`. */
export function toOrderListItem(row: OrderListRow): OrderListItem {
  return withOrderStatus(row);
}

/** One order, from its row selected with `orderColumns` and its lines already named. */
export function toOrderView(row: OrderSummaryRow, lines: OrderLineView[]): OrderView {
  const order = withOrderStatus(row);
  return { ...order, items: lines, history: statusHistory(order) };
}

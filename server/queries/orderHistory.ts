import type { OrderStatus } from '@/db/write/schema';

export interface StatusChange {
  status: OrderStatus;
  at: Date;
}

export interface OrderTimes {
  placedAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  cancelledAt: Date | null;
}

/** The statuses an order has been in, oldest first, from the time it reached each. */
export function statusHistory(order: OrderTimes): StatusChange[] {
  const reached: [OrderStatus, Date | null][] = [
    ['placed', order.placedAt],
    ['paid', order.paidAt],
    ['shipped', order.shippedAt],
    ['cancelled', order.cancelledAt],
  ];
  return reached
    .filter((entry): entry is [OrderStatus, Date] => entry[1] !== null)
    .map(([status, at]) => ({ status, at }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

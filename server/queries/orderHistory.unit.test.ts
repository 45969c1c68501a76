import { describe, expect, it } from 'vitest';
import { statusHistory } from './orderHistory';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

describe('order status history', () => {
  it('is only "placed" for a new order', () => {
    expect(statusHistory({ placedAt: at(0), paidAt: null, shippedAt: null, cancelledAt: null })).toEqual([{ status: 'placed', at: at(0) }]);
  });

  it('lists every status reached, oldest first', () => {
    expect(statusHistory({ placedAt: at(0), paidAt: at(5), shippedAt: at(9), cancelledAt: null })).toEqual([
      { status: 'placed', at: at(0) },
      { status: 'paid', at: at(5) },
      { status: 'shipped', at: at(9) },
    ]);
  });

  it('ends with the cancellation of a paid order', () => {
    expect(statusHistory({ placedAt: at(0), paidAt: at(3), shippedAt: null, cancelledAt: at(7) }).map((change) => change.status)).toEqual([
      'placed',
      'paid',
      'cancelled',
    ]);
  });
});

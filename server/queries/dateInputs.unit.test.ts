import { describe, expect, it } from 'vitest';
import { listOrdersInput } from './listOrders.input';
import { salesDailyInput } from './salesDaily.input';

describe('date inputs', () => {
  it('refuse years Postgres cannot store (the dates that answered 500)', () => {
    expect(salesDailyInput.safeParse({ from: '0000-01-01', to: '0000-01-02' }).success).toBe(false);
    expect(listOrdersInput.safeParse({ from: '0000-06-01' }).success).toBe(false);
    expect(listOrdersInput.safeParse({ from: '+010000-01-01T00:00:00Z' }).success).toBe(false);
    expect(listOrdersInput.safeParse({ to: 8.64e15 }).success).toBe(false);
  });

  it('accept the whole range from 0001 to 9999', () => {
    expect(salesDailyInput.safeParse({ from: '0001-01-01', to: '0001-01-31' }).success).toBe(true);
    expect(salesDailyInput.safeParse({ from: '9999-12-01', to: '9999-12-31' }).success).toBe(true);
    expect(listOrdersInput.safeParse({ from: '0001-01-01', to: '9999-12-31T23:59:59Z' }).success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { listOrdersInput, ORDER_STATUSES } from './listOrders.input';

describe('order list input', () => {
  it('defaults to the newest orders first, 20 a page', () => {
    expect(listOrdersInput.parse({})).toEqual({ sort: 'placed:desc', page: 1, pageSize: 20 });
  });

  it('knows every order status', () => {
    expect(ORDER_STATUSES).toEqual(['placed', 'paid', 'shipped', 'cancelled']);
  });

  it('takes statuses, a customer, a placed range as dates or ISO text, and search text', () => {
    const parsed = listOrdersInput.parse({
      status: ['paid', 'shipped'],
      customerId: '0b7e3f43-5d3c-4c51-9d55-0d1d2a7f5e10',
      from: '2026-01-01T00:00:00.000Z',
      to: new Date('2026-02-01T00:00:00.000Z'),
      q: '  ana  ',
      sort: 'total:desc',
    });
    expect(parsed).toMatchObject({ status: ['paid', 'shipped'], q: 'ana', sort: 'total:desc' });
    expect(parsed.from).toEqual(new Date('2026-01-01T00:00:00.000Z'));
    expect(parsed.to).toEqual(new Date('2026-02-01T00:00:00.000Z'));
  });

  it('refuses a range that ends before it starts, on the `to` field', () => {
    const result = listOrdersInput.safeParse({ from: '2026-02-01', to: '2026-01-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['to']);
  });

  it.each([{ status: ['lost'] }, { customerId: 'x' }, { from: 'soon' }, { sort: 'total:asc' }, { pageSize: 101 }, { page: 0 }])('refuses %o', (input) => {
    expect(listOrdersInput.safeParse(input).success).toBe(false);
  });
});

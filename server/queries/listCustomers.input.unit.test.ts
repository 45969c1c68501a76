import { describe, expect, it } from 'vitest';
import { getCustomerInput } from './getCustomer.input';
import { listCustomersInput } from './listCustomers.input';

describe('customer list input', () => {
  it('defaults to customers by name, 20 a page', () => {
    expect(listCustomersInput.parse({})).toEqual({ sort: 'name', page: 1, pageSize: 20 });
  });

  it.each([{ sort: 'email' }, { pageSize: 0 }, { q: 'x'.repeat(201) }])('refuses %o', (input) => {
    expect(listCustomersInput.safeParse(input).success).toBe(false);
  });
});

describe('customer detail input', () => {
  it('shows the last 50 orders unless asked otherwise', () => {
    const id = '0b7e3f43-5d3c-4c51-9d55-0d1d2a7f5e10';
    expect(getCustomerInput.parse({ id })).toEqual({ id, ordersPage: 1, ordersPageSize: 50 });
  });

  it('refuses a position that is not one', () => {
    expect(getCustomerInput.safeParse({ id: '0b7e3f43-5d3c-4c51-9d55-0d1d2a7f5e10', after: 'now' }).success).toBe(false);
  });
});

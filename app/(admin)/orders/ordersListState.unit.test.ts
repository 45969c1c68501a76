import { describe, expect, it } from 'vitest';
import { ordersListInput, ordersListSearch, parseOrdersListState, type OrdersListState } from './ordersListState';

const CUSTOMER = '0b7e3f43-5d3c-4c51-9d55-0d1d2a7f5e10';
const parse = (query: string) => parseOrdersListState(new URLSearchParams(query));

describe('orders list URL state', () => {
  it('starts with every order, newest first, page 1', () => {
    expect(parse('')).toEqual({ status: [], q: '', customerId: '', from: '', to: '', sort: 'placed:desc', page: 1 });
  });

  it('round-trips a full state through the URL', () => {
    const state: OrdersListState = { status: ['placed', 'paid'], q: 'ana', customerId: CUSTOMER, from: '2026-01-01', to: '2026-01-31', sort: 'total:desc', page: 3 };
    expect(parseOrdersListState(ordersListSearch(state))).toEqual(state);
    expect(ordersListSearch(state).toString()).toBe(
      `status=placed&status=paid&q=ana&customer=${CUSTOMER}&from=2026-01-01&to=2026-01-31&sort=total%3Adesc&page=3`,
    );
  });

  it('leaves defaults out of the URL', () => {
    expect(ordersListSearch(parse('sort=placed:desc&page=1')).toString()).toBe('');
  });

  it('ignores what it does not understand', () => {
    expect(parse('status=lost&status=paid&customer=42&from=yesterday&to=2026-02-30&sort=random&page=-4')).toEqual({
      status: ['paid'],
      q: '',
      customerId: '',
      from: '',
      to: '',
      sort: 'placed:desc',
      page: 1,
    });
  });
});

describe('orders list query', () => {
  it('asks for whole local days, the last one included', () => {
    const input = ordersListInput({ ...parse(''), from: '2026-01-01', to: '2026-01-31' });
    expect(input.from).toEqual(new Date(2026, 0, 1));
    expect(input.to).toEqual(new Date(2026, 1, 1));
  });

  it('reads a reversed range the right way round', () => {
    const input = ordersListInput({ ...parse(''), from: '2026-01-31', to: '2026-01-01' });
    expect(input.from).toEqual(new Date(2026, 0, 1));
    expect(input.to).toEqual(new Date(2026, 1, 1));
  });

  it('sends only the filters that are set', () => {
    expect(ordersListInput(parse('status=shipped&q=%20x'))).toEqual({ status: ['shipped'], q: ' x', sort: 'placed:desc', page: 1, pageSize: 20 });
  });
});

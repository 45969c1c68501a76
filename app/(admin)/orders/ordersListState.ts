import type { OrderStatus } from '@/db/write/schema';
import { ORDER_SORTS, ORDER_STATUSES, type ListOrdersInput, type OrderSort } from '@/server/queries/listOrders.input';
import { endOfDay, isDay, startOfDay } from '@/app/_components/days';

/** What the orders list shows, as kept in its URL. Days are `YYYY-MM-DD`, both included. */
export interface OrdersListState {
  status: OrderStatus[];
  q: string;
  customerId: string;
  from: string;
  to: string;
  sort: OrderSort;
  page: number;
}

export const PAGE_SIZE = 20;
const DEFAULT_SORT: OrderSort = 'placed:desc';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the URL leniently: anything it does not understand is left out, not an error. */
export function parseOrdersListState(params: URLSearchParams): OrdersListState {
  const sort = params.get('sort') ?? '';
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isDay(value) ? value : '';
  };
  return {
    status: ORDER_STATUSES.filter((status) => params.getAll('status').includes(status)),
    q: params.get('q')?.slice(0, 200) ?? '',
    customerId: UUID.test(params.get('customer') ?? '') ? params.get('customer')! : '',
    from: day('from'),
    to: day('to'),
    sort: (ORDER_SORTS as readonly string[]).includes(sort) ? (sort as OrderSort) : DEFAULT_SORT,
    page: Math.min(1000, Math.max(1, Math.floor(Number(params.get('page'))) || 1)),
  };
}

/** The URL of a state, leaving out what is at its default. */
export function ordersListSearch(state: OrdersListState): URLSearchParams {
  const search = new URLSearchParams();
  for (const status of state.status) search.append('status', status);
  if (state.q) search.set('q', state.q);
  if (state.customerId) search.set('customer', state.customerId);
  if (state.from) search.set('from', state.from);
  if (state.to) search.set('to', state.to);
  if (state.sort !== DEFAULT_SORT) search.set('sort', state.sort);
  if (state.page > 1) search.set('page', String(state.page));
  return search;
}

/** The query for a state: whole days in the browser's time zone. A reversed range is read the right way round. */
export function ordersListInput(state: OrdersListState): ListOrdersInput {
  const [first, last] = state.from && state.to && state.from > state.to ? [state.to, state.from] : [state.from, state.to];
  return {
    ...(state.status.length > 0 && { status: state.status }),
    ...(state.q && { q: state.q }),
    ...(state.customerId && { customerId: state.customerId }),
    ...(first && { from: startOfDay(first) }),
    ...(last && { to: endOfDay(last) }),
    sort: state.sort,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
}

import { CUSTOMER_SORTS, type CustomerSort, type ListCustomersInput } from '@/server/queries/listCustomers.input';

/** What the customers list shows, as kept in its URL. */
export interface CustomersListState {
  q: string;
  sort: CustomerSort;
  page: number;
}

export const PAGE_SIZE = 20;
const DEFAULT_SORT: CustomerSort = 'name';

export function parseCustomersListState(params: URLSearchParams): CustomersListState {
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q')?.slice(0, 200) ?? '',
    sort: (CUSTOMER_SORTS as readonly string[]).includes(sort) ? (sort as CustomerSort) : DEFAULT_SORT,
    page: Math.min(1000, Math.max(1, Math.floor(Number(params.get('page'))) || 1)),
  };
}

export function customersListSearch(state: CustomersListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.q) search.set('q', state.q);
  if (state.sort !== DEFAULT_SORT) search.set('sort', state.sort);
  if (state.page > 1) search.set('page', String(state.page));
  return search;
}

export function customersListInput(state: CustomersListState): ListCustomersInput {
  return { ...(state.q && { q: state.q }), sort: state.sort, page: state.page, pageSize: PAGE_SIZE };
}

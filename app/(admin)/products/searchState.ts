import { PRODUCT_STATUSES, type ProductStatus } from '@/db/write/statuses';
import { SORTS, type SearchProductsInput } from '@/server/queries/searchProducts.input';

export const STOCK = ['in', 'out'] as const;
export type Sort = (typeof SORTS)[number];
type Stock = (typeof STOCK)[number];

/** Everything a catalog search shows, as kept in the URL; prices in whole currency units. */
export interface SearchState {
  q: string;
  category: string | null;
  brand: string[];
  status: ProductStatus[];
  tags: string[];
  stock: Stock[];
  minPrice: number | null;
  maxPrice: number | null;
  sort: Sort;
  page: number;
}

export const EMPTY_SEARCH: SearchState = {
  q: '',
  category: null,
  brand: [],
  status: [],
  tags: [],
  stock: [],
  minPrice: null,
  maxPrice: null,
  sort: 'relevance',
  page: 1,
};

export const PAGE_SIZE = 20;
const MAX_VALUES = 20;

const oneOf = <T extends string>(allowed: readonly T[], values: string[]) => [...new Set(values.filter((v): v is T => allowed.includes(v as T)))];
const distinct = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))].slice(0, MAX_VALUES);

function price(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** Reads a search from URL parameters; anything unreadable falls back to its default. */
export function parseSearch(params: URLSearchParams): SearchState {
  const sort = params.get('sort') ?? '';
  const page = Math.trunc(Number(params.get('page')));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    category: params.get('category') || null,
    brand: distinct(params.getAll('brand')),
    status: oneOf(PRODUCT_STATUSES, params.getAll('status')),
    tags: distinct(params.getAll('tag')),
    stock: oneOf(STOCK, params.getAll('stock')),
    minPrice: price(params.get('min')),
    maxPrice: price(params.get('max')),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'relevance',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 1000) : 1,
  };
}

/** The URL parameters of a search, defaults left out, in a stable order (so equal searches share a URL). */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.category) params.set('category', state.category);
  for (const brand of state.brand) params.append('brand', brand);
  for (const status of state.status) params.append('status', status);
  for (const tag of state.tags) params.append('tag', tag);
  for (const stock of state.stock) params.append('stock', stock);
  if (state.minPrice !== null) params.set('min', String(state.minPrice));
  if (state.maxPrice !== null) params.set('max', String(state.maxPrice));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

const cents = (amount: number | null) => (amount === null ? undefined : Math.round(amount * 100));

/** The `search.products` input for a search. Ticking both "in stock" and "out of stock" filters nothing. */
export function searchInputOf(state: SearchState): SearchProductsInput {
  return {
    q: state.q,
    filters: {
      ...(state.category && { category: state.category }),
      ...(state.brand.length > 0 && { brand: state.brand }),
      ...(state.status.length > 0 && { status: state.status }),
      ...(state.tags.length > 0 && { tags: state.tags }),
      ...(state.stock.length === 1 && { inStock: state.stock[0] === 'in' }),
      ...(state.minPrice !== null && { minPriceCents: cents(state.minPrice) }),
      ...(state.maxPrice !== null && { maxPriceCents: cents(state.maxPrice) }),
    },
    sort: state.sort,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
}

export function hasFilters(state: SearchState): boolean {
  const { q, category, brand, status, tags, stock, minPrice, maxPrice } = state;
  return Boolean(q || category || brand.length || status.length || tags.length || stock.length || minPrice !== null || maxPrice !== null);
}

/** Facet values with their counts, most frequent first; values ticked but absent from the counts stay listed (with 0). */
export function facetEntries(counts: Record<string, number> | undefined, selected: string[]): { value: string; count: number }[] {
  const all = { ...Object.fromEntries(selected.map((v) => [v, 0])), ...counts };
  return Object.entries(all)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

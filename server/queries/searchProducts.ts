import type { Hit, Meilisearch } from 'meilisearch';
import { FACETS, type FacetField, type FilterableField, type ProductSearchDocument, type SearchableField, type SortableField } from '@/db/read/productSearch';
import type { SearchProductsInput } from './searchProducts.input';

/** The document fields a hit carries, in the order it lists them; the description comes only as a highlight. */
const HIT_FIELDS = [
  'id',
  'sku',
  'name',
  'brand',
  'categoryPath',
  'tags',
  'priceCents',
  'currency',
  'status',
  'stockTotal',
  'unitsSold',
] as const satisfies readonly (keyof ProductSearchDocument)[];

export type ProductHit = Pick<ProductSearchDocument, (typeof HIT_FIELDS)[number]> & {
  /** Text split into matched and unmatched pieces: rendered as text, never as HTML. */
  highlights: { name: HighlightSegment[]; description: HighlightSegment[]; sku: HighlightSegment[] };
};

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/** Private-use characters as highlight marks: they cannot be confused with document text or HTML. */
const MARK_START = '\uE000';
const MARK_END = '\uE001';

export function toSegments(formatted: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const [i, part] of formatted.split(MARK_START).entries()) {
    const [matched, rest] = i === 0 ? [undefined, part] : (part.split(MARK_END) as [string, string | undefined]);
    if (matched) segments.push({ text: matched, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

export interface SearchProductsResult {
  hits: ProductHit[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
  facets: Record<FacetField, Record<string, number>>;
  processingTimeMs: number;
}

/** A Meilisearch sort rule: only on a field the index declares sortable. */
type SortRule = `${SortableField}:${'asc' | 'desc'}`;

const SORT_RULES: Record<SearchProductsInput['sort'], SortRule[] | undefined> = {
  relevance: undefined,
  'price:asc': ['priceCents:asc'],
  'price:desc': ['priceCents:desc'],
  'updated:desc': ['updatedAt:desc'],
  'stock:asc': ['stockTotal:asc'],
  'stock:desc': ['stockTotal:desc'],
  'sold:desc': ['unitsSold:desc'],
  'name:asc': ['name:asc'],
};

/** Filter values go through a quoted, escaped literal: user text never becomes filter syntax. */
const literal = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A filter clause: only on a field the index declares filterable. */
const clause = (field: FilterableField, condition: string) => `${field} ${condition}`;

export function buildFilter(filters: SearchProductsInput['filters']): string[] {
  const clauses: string[] = [];
  const anyOf = (field: FilterableField, values: readonly string[] | undefined) => {
    if (values && values.length > 0) clauses.push(clause(field, `IN [${values.map(literal).join(', ')}]`));
  };
  if (filters.category) clauses.push(clause('categoryPath', `= ${literal(filters.category)}`));
  anyOf('brand', filters.brand);
  anyOf('status', filters.status);
  anyOf('tags', filters.tags);
  if (filters.inStock !== undefined) clauses.push(clause('inStock', `= ${filters.inStock}`));
  if (filters.minPriceCents !== undefined) clauses.push(clause('priceCents', `>= ${filters.minPriceCents}`));
  if (filters.maxPriceCents !== undefined) clauses.push(clause('priceCents', `<= ${filters.maxPriceCents}`));
  return clauses;
}

type Filters = SearchProductsInput['filters'];

/** The filter each facet drives. */
const FACET_FILTER: Record<FacetField, keyof Filters> = {
  categoryPath: 'category',
  brand: 'brand',
  status: 'status',
  tags: 'tags',
  inStock: 'inStock',
};

const isSet = (value: Filters[keyof Filters]) => (Array.isArray(value) ? value.length > 0 : value !== undefined);

/**
 * Facets are counted without their own filter (disjunctive faceting): with one brand ticked the
 * other brands still show how many products they would add. One count query per facet whose
 * filter is set; the other facets come with the main search.
 */
export function facetCountQueries(filters: Filters): { facet: FacetField; filters: Filters }[] {
  return FACETS.filter((facet) => isSet(filters[FACET_FILTER[facet]])).map((facet) => ({
    facet,
    filters: { ...filters, [FACET_FILTER[facet]]: undefined },
  }));
}

async function disjunctiveFacets(meili: Meilisearch, indexUid: string, input: SearchProductsInput) {
  const queries = facetCountQueries(input.filters);
  if (queries.length === 0) return {};
  const { results } = await meili.multiSearch({
    queries: queries.map((query) => ({ indexUid, q: input.q, filter: buildFilter(query.filters), facets: [query.facet], limit: 0 })),
  });
  return Object.fromEntries(queries.map((query, i) => [query.facet, results[i]?.facetDistribution?.[query.facet] ?? {}]));
}

export async function searchProducts(meili: Meilisearch, indexUid: string, input: SearchProductsInput): Promise<SearchProductsResult> {
  const [response, ownFilterFacets] = await Promise.all([mainSearch(meili, indexUid, input), disjunctiveFacets(meili, indexUid, input)]);
  const facets = Object.fromEntries(FACETS.map((f) => [f, ownFilterFacets[f] ?? response.facetDistribution?.[f] ?? {}])) as SearchProductsResult['facets'];
  return {
    hits: response.hits.map(toProductHit),
    total: response.totalHits ?? 0,
    page: response.page ?? input.page,
    pageSize: response.hitsPerPage ?? input.pageSize,
    totalPages: response.totalPages ?? 0,
    facets,
    processingTimeMs: response.processingTimeMs,
  };
}

/** A Meilisearch hit as the search answers it: the document's hit fields, and its highlighted fields as segments. */
export function toProductHit(hit: Hit<ProductSearchDocument>): ProductHit {
  return {
    ...pick(hit, HIT_FIELDS),
    highlights: {
      name: toSegments(hit._formatted?.name ?? hit.name),
      description: toSegments(hit._formatted?.description ?? ''),
      sku: toSegments(hit._formatted?.sku ?? hit.sku),
    },
  };
}

function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

/** Shown with the query's matches marked (and the description cut around them): searchable fields only. */
const HIGHLIGHTED: SearchableField[] = ['name', 'description', 'sku'];
const CROPPED: SearchableField[] = ['description'];

function mainSearch(meili: Meilisearch, indexUid: string, input: SearchProductsInput) {
  return meili.index<ProductSearchDocument>(indexUid).search(input.q, {
    filter: buildFilter(input.filters),
    sort: SORT_RULES[input.sort],
    // Only what a hit shows: the description (the longest field) comes back cropped in _formatted alone.
    attributesToRetrieve: [...HIT_FIELDS],
    facets: [...FACETS],
    page: input.page,
    hitsPerPage: input.pageSize,
    attributesToHighlight: HIGHLIGHTED,
    attributesToCrop: CROPPED,
    cropLength: 24,
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
  });
}

import type { ProductStatus } from '@/db/write/schema';

/**
 * The Meilisearch `products` index: its document and settings, shared by the projector (which
 * fills it) and the product search (which queries it). Browser-safe: no Node or projector imports.
 */

/** One document per product, id = product uuid (uuids only use characters Meilisearch accepts in ids). */
export interface ProductSearchDocument {
  id: string;
  sku: string;
  name: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  categoryPath: string[];
  category: string | null;
  tags: string[];
  priceCents: number;
  currency: string;
  status: ProductStatus;
  stockTotal: number;
  inStock: boolean;
  unitsSold: number;
  updatedAt: number;
}

type DocumentField = keyof ProductSearchDocument;

const SEARCHABLE_FIELDS = ['name', 'sku', 'brand', 'categoryPath', 'tags', 'description'] as const satisfies readonly DocumentField[];
const FILTERABLE_FIELDS = ['categoryId', 'categoryPath', 'brand', 'status', 'priceCents', 'tags', 'inStock'] as const satisfies readonly DocumentField[];
const SORTABLE_FIELDS = ['priceCents', 'stockTotal', 'unitsSold', 'updatedAt', 'name'] as const satisfies readonly DocumentField[];

/** Fields the query text is matched against (and that can be highlighted or cropped). */
export type SearchableField = (typeof SEARCHABLE_FIELDS)[number];
/** Fields a search filter may name. */
export type FilterableField = (typeof FILTERABLE_FIELDS)[number];
/** Fields a search may sort by. */
export type SortableField = (typeof SORTABLE_FIELDS)[number];

export interface ProductIndexSettings {
  searchableAttributes: SearchableField[];
  filterableAttributes: FilterableField[];
  sortableAttributes: SortableField[];
  displayedAttributes: ['*'];
  pagination: { maxTotalHits: number };
  faceting: { maxValuesPerFacet: number };
}

export const PRODUCT_INDEX_SETTINGS = {
  searchableAttributes: [...SEARCHABLE_FIELDS],
  filterableAttributes: [...FILTERABLE_FIELDS],
  sortableAttributes: [...SORTABLE_FIELDS],
  displayedAttributes: ['*'],
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 100 },
} satisfies ProductIndexSettings;

/** The facets a search counts: each must be filterable. */
export const FACETS = ['categoryPath', 'brand', 'status', 'tags', 'inStock'] as const satisfies readonly FilterableField[];
export type FacetField = (typeof FACETS)[number];

import type { Meilisearch } from 'meilisearch';

/**
 * The Meilisearch `products` document: one per product, id = product uuid
 * (uuids only use characters Meilisearch accepts in ids).
 */
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
  status: string;
  updatedAt: number;
}

export const PRODUCT_INDEX_SETTINGS = {
  searchableAttributes: ['name', 'sku', 'brand', 'categoryPath', 'tags', 'description'],
  filterableAttributes: ['categoryId', 'categoryPath', 'brand', 'status', 'priceCents', 'tags'],
  sortableAttributes: ['priceCents', 'updatedAt', 'name'],
  displayedAttributes: ['*'],
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 100 },
};

export const FACETS = ['categoryPath', 'brand', 'status', 'tags'] as const;

/** Create the index with its primary key and settings; idempotent, and waited for. */
export async function ensureProductIndex(client: Meilisearch, uid: string, timeoutMs = 60_000): Promise<void> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  if (!results.some((index) => index.uid === uid)) await assertSucceeded(await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: timeoutMs }));
  await assertSucceeded(await client.index(uid).updateSettings(PRODUCT_INDEX_SETTINGS).waitTask({ timeout: timeoutMs }));
}

export function assertSucceeded(task: { status: string; error?: { message: string } | null; uid: number }): void {
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? 'no error message'}`);
  }
}

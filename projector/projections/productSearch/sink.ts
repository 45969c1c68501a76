import type { Meilisearch } from 'meilisearch';
import type { ProductSummaryRow } from '../productSummaries/load';
import { assertSucceeded, type ProductSearchDocument } from './document';

export const PRODUCT_SEARCH = 'product_search';

const TASK_TIMEOUT_MS = 120_000;

export function toSearchDocument(row: ProductSummaryRow): ProductSearchDocument {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    brand: row.brand,
    categoryId: row.categoryId,
    categoryPath: row.categoryPath,
    category: row.categoryPath.at(-1) ?? null,
    tags: row.tags,
    priceCents: row.priceCents,
    currency: row.currency,
    status: row.status,
    updatedAt: row.updatedAt.getTime(),
  };
}

/**
 * Replace the documents of `touchedIds` with `rows` and delete the ones that are gone.
 * Returns only after Meilisearch reports every task succeeded; tasks are sent one after
 * another so they apply in order.
 */
export async function applyProductSearch(
  meili: Meilisearch,
  indexUid: string,
  touchedIds: string[],
  rows: ProductSummaryRow[],
): Promise<void> {
  const index = meili.index<ProductSearchDocument>(indexUid);
  if (rows.length > 0) {
    assertSucceeded(await index.addDocuments(rows.map(toSearchDocument), { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 }));
  }
  const present = new Set(rows.map((r) => r.id));
  const gone = touchedIds.filter((id) => !present.has(id));
  if (gone.length > 0) {
    assertSucceeded(await index.deleteDocuments(gone).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 }));
  }
}

import type { Meilisearch } from 'meilisearch';
import type { Row } from '../types';
import { assertSucceeded, toSearchDocument, type ProductSearchDocument } from './document';

export { PRODUCT_SEARCH } from '../registry';

const TASK_TIMEOUT_MS = 120_000;

/**
 * Replace the documents of `touchedIds` with `rows` and delete the ones that are gone.
 * Returns only after Meilisearch reports every task succeeded; tasks are sent one after
 * another so they apply in order.
 */
export async function applyProductSearch(meili: Meilisearch, indexUid: string, touchedIds: string[], rows: Row[]): Promise<void> {
  const index = meili.index<ProductSearchDocument>(indexUid);
  if (rows.length > 0) {
    assertSucceeded(await index.addDocuments(rows.map(toSearchDocument), { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 }));
  }
  const present = new Set(rows.map((r) => r.id as string));
  const gone = touchedIds.filter((id) => !present.has(id));
  if (gone.length > 0) {
    assertSucceeded(await index.deleteDocuments(gone).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 }));
  }
}

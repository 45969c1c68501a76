import type { Meilisearch } from 'meilisearch';
import type { ProductSearchDocument } from '@/db/read/productSearch';
import type { Row } from '../types';
import { assertSucceeded, toSearchDocument } from './document';
import type { PayloadBudget } from './payloadBudget';

const TASK_TIMEOUT_MS = 120_000;

/**
 * Replace the documents of `touchedIds` with `rows` (in pages within the payload budget) and
 * delete the ones that are gone.
 * Returns only after Meilisearch reports every task succeeded; tasks are sent one after
 * another so they apply in order.
 */
export async function applyProductSearch(meili: Meilisearch, indexUid: string, touchedIds: string[], rows: Row[], budget: PayloadBudget): Promise<void> {
  const index = meili.index<ProductSearchDocument>(indexUid);
  for (const page of budget.pages(rows.map(toSearchDocument))) {
    assertSucceeded(await index.addDocuments(page, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 }));
  }
  const present = new Set(rows.map((r) => r.id as string));
  const gone = touchedIds.filter((id) => !present.has(id));
  if (gone.length > 0) {
    assertSucceeded(await index.deleteDocuments(gone).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 }));
  }
}

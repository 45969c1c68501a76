import { inArray, sql } from 'drizzle-orm';
import type { ReadDb, ReadTx } from '@/db/clients';
import { productSummaries } from '@/db/read/schema';
import type { ProductSummaryRow } from './load';

export const PRODUCT_SUMMARIES = 'product_summaries';

const CHUNK = 1000;

/** Make the read rows of `touchedIds` equal to `rows`: upsert what exists, delete what no longer does. */
export async function applyProductSummaries(tx: ReadTx, touchedIds: string[], rows: ProductSummaryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(productSummaries)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({ target: productSummaries.id, set: excludedColumns() });
  }
  const present = new Set(rows.map((r) => r.id));
  const gone = touchedIds.filter((id) => !present.has(id));
  for (let i = 0; i < gone.length; i += CHUNK) {
    await tx.delete(productSummaries).where(inArray(productSummaries.id, gone.slice(i, i + CHUNK)));
  }
}

function excludedColumns() {
  const columns = [
    'sku', 'name', 'description', 'brand', 'category_id', 'category_path', 'tags',
    'price_cents', 'currency', 'status', 'version', 'created_at', 'updated_at',
  ];
  const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(columns.map((c) => [camel(c), sql.raw(`excluded.${c}`)]));
}

/** Ids in the read model, for a full recompute (after a truncate) that must also find rows to delete. */
export async function projectedProductIds(tx: ReadDb | ReadTx): Promise<string[]> {
  return (await tx.select({ id: productSummaries.id }).from(productSummaries)).map((r) => r.id);
}

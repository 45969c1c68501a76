import type { Meilisearch } from 'meilisearch';
import { PRODUCT_INDEX_SETTINGS, type ProductSearchDocument } from '@/db/read/productSearch';
import type { ProductStatus } from '@/db/write/schema';
import type { Row } from '../types';
import { TaskFailedError } from './failures';

/** A product_summaries row (as the projection computes it) as a search document. */
export function toSearchDocument(row: Row): ProductSearchDocument {
  const path = row.category_path as string[];
  const stockTotal = Number(row.stock_total);
  return {
    id: row.id as string,
    sku: row.sku as string,
    name: row.name as string,
    description: row.description as string,
    brand: row.brand as string | null,
    categoryId: row.category_id as string | null,
    categoryPath: path,
    category: path.at(-1) ?? null,
    tags: row.tags as string[],
    priceCents: Number(row.price_cents),
    currency: row.currency as string,
    status: row.status as ProductStatus,
    stockTotal,
    inStock: stockTotal > 0,
    unitsSold: Number(row.units_sold),
    updatedAt: (row.updated_at as Date).getTime(),
  };
}

/** Create the index with its primary key and settings; idempotent, and waited for. */
export async function ensureProductIndex(client: Meilisearch, uid: string, timeoutMs = 60_000): Promise<void> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  if (!results.some((index) => index.uid === uid)) assertSucceeded(await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: timeoutMs }));
  assertSucceeded(await client.index(uid).updateSettings(PRODUCT_INDEX_SETTINGS).waitTask({ timeout: timeoutMs }));
}

export function assertSucceeded(task: { status: string; error?: { message: string; code?: string; type?: string } | null; uid: number }): void {
  if (task.status === 'failed') {
    throw new TaskFailedError(`Meilisearch task ${task.uid} failed: ${task.error?.message ?? 'no error message'}`, task.error?.code, task.error?.type);
  }
  if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}`);
}

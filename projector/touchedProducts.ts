import type { ReadDb } from '@/db/clients';
import { projectedProductIds } from './projections/productSummaries/apply';
import { allProductIds, productIdsUnderCategories, type Source } from './projections/productSummaries/load';
import type { Touches } from './projections/touches';

/** Every product whose read rows the touches may have changed, resolved in the given snapshot. */
export async function touchedProductIds(snapshot: Source, read: ReadDb, touches: Touches): Promise<string[]> {
  const ids = new Set(touches.productIds);
  if (touches.allProducts) {
    for (const id of await allProductIds(snapshot)) ids.add(id);
    for (const id of await projectedProductIds(read)) ids.add(id);
  }
  for (const id of await productIdsUnderCategories(snapshot, [...touches.categoryIds])) ids.add(id);
  return [...ids];
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export const CHUNK = 2000;

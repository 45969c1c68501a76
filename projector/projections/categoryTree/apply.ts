import type { ReadTx } from '@/db/clients';
import { categoryTree } from '@/db/read/schema';
import type { CategoryTreeRow } from './load';

export const CATEGORY_TREE = 'category_tree';

/** The tree is small (hundreds of rows): it is replaced whole, inside the batch's transaction. */
export async function applyCategoryTree(tx: ReadTx, rows: CategoryTreeRow[]): Promise<void> {
  await tx.delete(categoryTree);
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(categoryTree).values(rows.slice(i, i + 1000));
}

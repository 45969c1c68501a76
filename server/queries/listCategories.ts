import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb } from '@/db/clients';
import { categoryTree } from '@/db/read/schema';
import { waitForPosition, type Freshness } from './freshness';
import { positionInput } from './position.input';

export const listCategoriesInput = z.object({ after: positionInput.optional() }).default({});
export type ListCategoriesInput = z.infer<typeof listCategoriesInput>;

export interface CategoryView {
  id: string;
  name: string;
  parentId: string | null;
  path: string[];
  depth: number;
  productCount: number;
  version: number;
}

export interface CategoryList extends Freshness {
  items: CategoryView[];
}

/** The whole tree, parents before children, siblings by name. */
export async function listCategories(db: ReadDb, input: ListCategoriesInput, waitMs: number): Promise<CategoryList> {
  const freshness = await waitForPosition(db, 'category_tree', input.after, waitMs);
  const items = await db
    .select({
      id: categoryTree.id,
      name: categoryTree.name,
      parentId: categoryTree.parentId,
      path: categoryTree.path,
      depth: categoryTree.depth,
      productCount: categoryTree.productCount,
      version: categoryTree.version,
    })
    .from(categoryTree)
    .orderBy(asc(categoryTree.path));
  return { items, ...freshness };
}

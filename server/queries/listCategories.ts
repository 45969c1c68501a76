import { asc } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { categoryTree } from '@/db/read/schema';

export interface CategoryView {
  id: string;
  name: string;
  parentId: string | null;
  path: string[];
  depth: number;
  productCount: number;
  version: number;
}

/** The whole tree, parents before children, siblings by name. */
export async function listCategories(db: ReadDb): Promise<CategoryView[]> {
  return db
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
}

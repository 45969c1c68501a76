import { and, asc, eq, inArray } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { categories, productTags } from '@/db/write/schema';
import { decideProductEdit, type TagChanges } from '../domain/catalog';
import { notFound } from '../domain/errors';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import { changeProduct } from './productCommand';
import type { UpdateProductInput } from './updateProduct.input';

/** Edits a product's details; `tags` replaces its whole tag set, `null` clears brand or category. */
export async function updateProduct(deps: CommandDeps, actor: Actor | null, input: UpdateProductInput): Promise<CommandResult> {
  return changeProduct(deps, actor, input, 'catalog.updateProduct', async (tx, product) => {
    const decision = decideProductEdit(product, await loadTags(tx, product.id), input);
    if (decision.set.categoryId) await assertCategoryExists(tx, decision.set.categoryId);
    await saveTags(tx, product.id, decision.tags);
    return decision;
  });
}

async function loadTags(tx: WriteTx, productId: string): Promise<string[]> {
  const rows = await tx.select({ tag: productTags.tag }).from(productTags).where(eq(productTags.productId, productId)).orderBy(asc(productTags.tag));
  return rows.map((row) => row.tag);
}

async function assertCategoryExists(tx: WriteTx, categoryId: string): Promise<void> {
  const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!category) throw notFound('Category', categoryId);
}

async function saveTags(tx: WriteTx, productId: string, tags: TagChanges): Promise<void> {
  if (tags.remove.length > 0) {
    await tx.delete(productTags).where(and(eq(productTags.productId, productId), inArray(productTags.tag, tags.remove)));
  }
  if (tags.add.length > 0) await tx.insert(productTags).values(tags.add.map((tag) => ({ productId, tag })));
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { categories, products, productTags } from '@/db/write/schema';
import { decideProductEdit, type ProductDecision, type ProductState, type TagChanges } from '../domain/catalog';
import { notFound } from '../domain/errors';
import { loadForUpdate } from './aggregate';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';
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

/** What every command on an existing product takes: the product and the version the caller last saw. */
export interface ProductCommandInput {
  id: string;
  expectedVersion: number;
  commandId?: string | undefined;
}

type LockedProduct = ProductState & { id: string; version: number };

/**
 * The shell of every product command: lock the product and check its version, let `decide`
 * rule on it (and write anything beside the product row), then write the decided columns
 * with the next version.
 */
export async function changeProduct(
  deps: CommandDeps,
  actor: Actor | null,
  input: ProductCommandInput,
  command: string,
  decide: (tx: WriteTx, product: LockedProduct) => ProductDecision | Promise<ProductDecision>,
): Promise<CommandResult> {
  return runCommand(deps, { command, actor, commandId: input.commandId }, async (tx) => {
    const product = await loadForUpdate('Product', input.id, input.expectedVersion, () => lockProduct(tx, input.id));
    const decision = await decide(tx, product);
    const [row] = await tx
      .update(products)
      .set({ ...decision.set, version: product.version + 1, updatedAt: sql`now()` })
      .where(eq(products.id, product.id))
      .returning({ version: products.version });
    return { aggregateType: 'product', aggregateId: product.id, version: row!.version, event: decision.event };
  });
}

// `for no key update` keeps out other commands on this product but not the `for key share`
// locks of orders being placed for it, so edits and orders do not hold each other up.
async function lockProduct(tx: WriteTx, id: string): Promise<LockedProduct | undefined> {
  const [row] = await tx
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      description: products.description,
      brand: products.brand,
      categoryId: products.categoryId,
      priceCents: products.priceCents,
      currency: products.currency,
      status: products.status,
      version: products.version,
    })
    .from(products)
    .where(eq(products.id, id))
    .for('no key update');
  return row;
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

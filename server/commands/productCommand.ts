import { eq, sql } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { products } from '@/db/write/schema';
import type { ProductDecision, ProductState } from '../domain/catalog';
import { loadForUpdate } from './aggregate';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

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

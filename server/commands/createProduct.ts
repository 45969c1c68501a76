import { eq } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { categories, products, productTags } from '@/db/write/schema';
import { productCreated } from '../domain/catalog';
import { DomainError, notFound } from '../domain/errors';
import { pgError, UNIQUE_VIOLATION } from '../domain/pgErrors';
import type { CreateProductInput } from './createProduct.input';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

export async function createProduct(deps: CommandDeps, actor: Actor | null, input: CreateProductInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'catalog.createProduct', actor, commandId: input.commandId }, async (tx) => {
    if (input.categoryId) await assertCategoryExists(tx, input.categoryId);
    const id = await insertProduct(tx, input);
    if (input.tags.length > 0) await tx.insert(productTags).values(input.tags.map((tag) => ({ productId: id, tag })));
    return {
      aggregateType: 'product',
      aggregateId: id,
      version: 1,
      event: productCreated({ ...input, brand: input.brand ?? null, categoryId: input.categoryId ?? null }),
    };
  });
}

async function assertCategoryExists(tx: WriteTx, categoryId: string): Promise<void> {
  const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!category) throw notFound('Category', categoryId);
}

async function insertProduct(tx: WriteTx, input: CreateProductInput): Promise<string> {
  try {
    const [row] = await tx
      .insert(products)
      .values({
        sku: input.sku,
        name: input.name,
        description: input.description,
        brand: input.brand ?? null,
        categoryId: input.categoryId ?? null,
        priceCents: input.priceCents,
        currency: input.currency,
        status: input.status,
      })
      .returning({ id: products.id });
    return row!.id;
  } catch (error) {
    if (pgError(error)?.code === UNIQUE_VIOLATION) {
      throw new DomainError('CONFLICT', `SKU ${input.sku} is already used by another product`, {
        rule: 'unique-sku',
        fields: { sku: [`SKU ${input.sku} is already used by another product`] },
      });
    }
    throw error;
  }
}

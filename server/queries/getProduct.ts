import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb } from '@/db/clients';
import { productSummaries } from '@/db/read/schema';
import { notFound } from '../domain/errors';
import { waitForPosition, type Freshness } from './freshness';
import { positionInput } from './position.input';

export const getProductInput = z.object({
  id: z.uuid('id must be a product id'),
  after: positionInput.optional(),
});
export type GetProductInput = z.infer<typeof getProductInput>;

/** A product as its page shows it: its whole `product_summaries` row. */
export type ProductView = typeof productSummaries.$inferSelect;

export async function getProduct(db: ReadDb, input: GetProductInput, waitMs: number): Promise<{ product: ProductView } & Freshness> {
  const freshness = await waitForPosition(db, 'product_summaries', input.after, waitMs);
  const [product] = await db.select().from(productSummaries).where(eq(productSummaries.id, input.id));
  if (!product) {
    throw freshness.fresh ? notFound('Product', input.id) : notFound('Product (not projected yet)', input.id);
  }
  return { product, ...freshness };
}

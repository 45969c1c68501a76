import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb } from '@/db/clients';
import { productSummaries, type WarehouseStock } from '@/db/read/schema';
import { notFound } from '../domain/errors';
import { waitForPosition, type Freshness } from './freshness';
import { positionInput } from './position.input';

export const getProductInput = z.object({
  id: z.uuid('id must be a product id'),
  after: positionInput.optional(),
});
export type GetProductInput = z.infer<typeof getProductInput>;

export interface ProductView {
  id: string;
  sku: string;
  name: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  categoryPath: string[];
  tags: string[];
  priceCents: number;
  currency: string;
  status: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  stockTotal: number;
  stockByWarehouse: WarehouseStock[];
  /** Orders not cancelled. */
  unitsSold: number;
  revenueCents: number;
  lastOrderedAt: Date | null;
}

export async function getProduct(db: ReadDb, input: GetProductInput, waitMs: number): Promise<{ product: ProductView } & Freshness> {
  const freshness = await waitForPosition(db, 'product_summaries', input.after, waitMs);
  const [product] = await db
    .select({
      id: productSummaries.id,
      sku: productSummaries.sku,
      name: productSummaries.name,
      description: productSummaries.description,
      brand: productSummaries.brand,
      categoryId: productSummaries.categoryId,
      categoryPath: productSummaries.categoryPath,
      tags: productSummaries.tags,
      priceCents: productSummaries.priceCents,
      currency: productSummaries.currency,
      status: productSummaries.status,
      version: productSummaries.version,
      createdAt: productSummaries.createdAt,
      updatedAt: productSummaries.updatedAt,
      stockTotal: productSummaries.stockTotal,
      stockByWarehouse: productSummaries.stockByWarehouse,
      unitsSold: productSummaries.unitsSold,
      revenueCents: productSummaries.revenueCents,
      lastOrderedAt: productSummaries.lastOrderedAt,
    })
    .from(productSummaries)
    .where(eq(productSummaries.id, input.id));
  if (!product) {
    throw freshness.fresh ? notFound('Product', input.id) : notFound('Product (not projected yet)', input.id);
  }
  return { product, ...freshness };
}

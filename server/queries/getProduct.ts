import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { preparedPerClient, type ReadDb } from '@/db/clients';
import { productSummaries, projectionCheckpoints } from '@/db/read/schema';
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

/**
 * The row and the checkpoint in one statement (one snapshot, one round trip): the most frequent
 * read of the app, so it is also prepared once rather than built per call.
 */
const productWithPosition = preparedPerClient((db: ReadDb) =>
  db
    .select({ appliedPosition: sql<string>`${projectionCheckpoints.lsn}::text`, product: productSummaries })
    .from(projectionCheckpoints)
    .leftJoin(productSummaries, eq(productSummaries.id, sql.placeholder('id')))
    .where(eq(projectionCheckpoints.projection, 'product_summaries'))
    .prepare('product_with_position'),
);

export async function getProduct(db: ReadDb, input: GetProductInput, waitMs: number): Promise<{ product: ProductView } & Freshness> {
  let freshness: Freshness;
  let product: ProductView | null | undefined;
  // No checkpoint row yet (the projector's first load is under way): the general path below.
  const [row] = input.after === undefined ? await productWithPosition(db).execute({ id: input.id }) : [];
  if (row) {
    freshness = { fresh: true, appliedPosition: row.appliedPosition };
    product = row.product;
  } else {
    freshness = await waitForPosition(db, 'product_summaries', input.after, waitMs);
    [product] = await db.select().from(productSummaries).where(eq(productSummaries.id, input.id));
  }
  if (!product) {
    throw freshness.fresh ? notFound('Product', input.id) : notFound('Product (not projected yet)', input.id);
  }
  return { product, ...freshness };
}

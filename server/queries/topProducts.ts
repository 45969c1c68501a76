import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { productSummaries as p } from '@/db/read/schema';
import type { TopProductsInput } from './topProducts.input';

export interface TopProduct {
  id: string;
  sku: string;
  name: string;
  status: string;
  /** Orders not cancelled. */
  unitsSold: number;
  revenueCents: number;
  currency: string;
  stockTotal: number;
}

/** Best sellers by revenue or units, from `product_summaries`; products never sold are left out. */
export async function topProducts(db: ReadDb, input: TopProductsInput): Promise<{ items: TopProduct[] }> {
  const [first, second] = input.by === 'units' ? [p.unitsSold, p.revenueCents] : [p.revenueCents, p.unitsSold];
  const items = await db
    .select({
      id: p.id,
      sku: p.sku,
      name: p.name,
      status: p.status,
      unitsSold: p.unitsSold,
      revenueCents: p.revenueCents,
      currency: p.currency,
      stockTotal: p.stockTotal,
    })
    .from(p)
    .where(and(gt(p.unitsSold, 0), input.currency ? eq(p.currency, input.currency) : undefined))
    .orderBy(desc(first), desc(second), asc(p.name), asc(p.id))
    .limit(input.limit);
  return { items };
}

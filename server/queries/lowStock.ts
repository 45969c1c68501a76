import { and, asc, count, desc, eq, lte } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { productSummaries as p } from '@/db/read/schema';
import type { LowStockInput } from './lowStock.input';

export interface LowStockProduct {
  id: string;
  sku: string;
  name: string;
  stockTotal: number;
  unitsSold: number;
  lastOrderedAt: Date | null;
}

export interface LowStockView {
  items: LowStockProduct[];
  /** All active products at or under the threshold, also those past `limit`. */
  total: number;
  threshold: number;
}

/** Active products running out: lowest stock first, and among equals the best sellers (the most urgent to restock). */
export async function lowStock(db: ReadDb, input: LowStockInput): Promise<LowStockView> {
  const where = and(eq(p.status, 'active'), lte(p.stockTotal, input.threshold));
  const items = await db
    .select({ id: p.id, sku: p.sku, name: p.name, stockTotal: p.stockTotal, unitsSold: p.unitsSold, lastOrderedAt: p.lastOrderedAt })
    .from(p)
    .where(where)
    .orderBy(asc(p.stockTotal), desc(p.unitsSold), asc(p.name), asc(p.id))
    .limit(input.limit);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(p).where(where);
  return { items, total, threshold: input.threshold };
}

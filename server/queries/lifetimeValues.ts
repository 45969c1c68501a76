import { and, inArray, ne, sql } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { orderSummaries } from '@/db/read/schema';

export interface Amount {
  currency: string;
  cents: number;
}

/**
 * What each customer's orders not cancelled add up to, per currency: `lifetime_value_cents`
 * in customer summaries adds every currency together, which only holds for one-currency stores.
 */
export async function lifetimeValuesOf(db: ReadDb, customerIds: string[]): Promise<Map<string, Amount[]>> {
  const values = new Map<string, Amount[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return values;
  const rows = await db
    .select({
      customerId: orderSummaries.customerId,
      currency: orderSummaries.currency,
      cents: sql<number>`sum(${orderSummaries.totalCents})::float8`,
    })
    .from(orderSummaries)
    .where(and(inArray(orderSummaries.customerId, customerIds), ne(orderSummaries.status, 'cancelled')))
    .groupBy(orderSummaries.customerId, orderSummaries.currency)
    .orderBy(orderSummaries.customerId, orderSummaries.currency);
  for (const row of rows) values.get(row.customerId)?.push({ currency: row.currency, cents: Number(row.cents) });
  return values;
}

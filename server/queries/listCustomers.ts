import { asc, count, desc, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { customerSummaries } from '@/db/read/schema';
import { lifetimeValuesOf, type Amount } from './lifetimeValues';
import { containsPattern } from './likePattern';
import type { CustomerSort, ListCustomersInput } from './listCustomers.input';

export interface CustomerView {
  id: string;
  email: string;
  name: string;
  /** Every order, cancelled ones included. */
  orderCount: number;
  /** Orders not cancelled, all currencies added together (as the read model keeps it). */
  lifetimeValueCents: number;
  /** Orders not cancelled, per currency. */
  lifetimeValue: Amount[];
  lastOrderAt: Date | null;
  version: number;
  createdAt: Date;
}

export interface CustomerPage {
  items: CustomerView[];
  total: number;
  page: number;
  pageSize: number;
}

export const customerColumns = {
  id: customerSummaries.id,
  email: customerSummaries.email,
  name: customerSummaries.name,
  orderCount: customerSummaries.orderCount,
  lifetimeValueCents: customerSummaries.lifetimeValueCents,
  lastOrderAt: customerSummaries.lastOrderAt,
  version: customerSummaries.version,
  createdAt: customerSummaries.createdAt,
};

/** Ties broken by name, then id, so pages never overlap or skip a customer. */
const ORDER_BY: Record<CustomerSort, SQL[]> = {
  name: [asc(customerSummaries.name), asc(customerSummaries.id)],
  'lifetimeValue:desc': [desc(customerSummaries.lifetimeValueCents), asc(customerSummaries.name), asc(customerSummaries.id)],
  'lastOrder:desc': [sql`${customerSummaries.lastOrderAt} desc nulls last`, asc(customerSummaries.name), asc(customerSummaries.id)],
};

/** Customers whose name or email contains `q`, one page of them. */
export async function listCustomers(db: ReadDb, input: ListCustomersInput): Promise<CustomerPage> {
  const where = input.q ? or(ilike(customerSummaries.name, containsPattern(input.q)), ilike(customerSummaries.email, containsPattern(input.q))) : undefined;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(customerColumns)
      .from(customerSummaries)
      .where(where)
      .orderBy(...ORDER_BY[input.sort])
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(customerSummaries).where(where),
  ]);
  const values = await lifetimeValuesOf(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({ ...row, lifetimeValue: values.get(row.id) ?? [] })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

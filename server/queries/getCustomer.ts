import { eq } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { customerSummaries } from '@/db/read/schema';
import { minLsn } from '@/lib/lsn';
import { notFound } from '../domain/errors';
import { waitForPosition, type Freshness } from './freshness';
import type { GetCustomerInput } from './getCustomer.input';
import { lifetimeValuesOf } from './lifetimeValues';
import { customerColumns, type CustomerView } from './listCustomers';
import { listOrders, type OrderPage } from './listOrders';

/**
 * One customer with their orders, newest first. Their figures and their orders come from two
 * read models, so the answer is fresh only when both have applied `after`.
 */
export async function getCustomer(
  db: ReadDb,
  input: GetCustomerInput,
  waitMs: number,
): Promise<{ customer: CustomerView; orders: OrderPage } & Freshness> {
  const [summaries, orderSummaries] = await Promise.all([
    waitForPosition(db, 'customer_summaries', input.after, waitMs),
    waitForPosition(db, 'order_summaries', input.after, waitMs),
  ]);
  const fresh = summaries.fresh && orderSummaries.fresh;
  const appliedPosition = summaries.appliedPosition && orderSummaries.appliedPosition ? minLsn(summaries.appliedPosition, orderSummaries.appliedPosition) : null;
  const [row] = await db.select(customerColumns).from(customerSummaries).where(eq(customerSummaries.id, input.id));
  if (!row) throw fresh ? notFound('Customer', input.id) : notFound('Customer (not projected yet)', input.id);
  const [values, orders] = await Promise.all([
    lifetimeValuesOf(db, [row.id]),
    listOrders(db, { customerId: row.id, sort: 'placed:desc', page: input.ordersPage, pageSize: input.ordersPageSize }),
  ]);
  return { customer: { ...row, lifetimeValue: values.get(row.id) ?? [] }, orders, fresh, appliedPosition };
}

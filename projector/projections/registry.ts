import { SQL_PROJECTIONS, isSqlProjectionName, type SqlProjectionName } from '@/db/read/projections';
import { activity } from './activity';
import { categoryTree } from './categoryTree';
import { customerSummaries } from './customerSummaries';
import { orderSummaries } from './orderSummaries';
import { productSummaries } from './productSummaries';
import { salesDaily } from './salesDaily';
import type { SqlProjection } from './types';

/**
 * Each SQL read model of the contract (db/read/projections.ts) under its own name: a name
 * without a projection, a projection without a name, or one under another's name fails to compile.
 */
const SQL_PROJECTION_BY_NAME = {
  product_summaries: productSummaries,
  category_tree: categoryTree,
  order_summaries: orderSummaries,
  customer_summaries: customerSummaries,
  sales_daily: salesDaily,
  activity,
} satisfies { [N in SqlProjectionName]: SqlProjection<N> };

/** The SQL read models, applied together in one read-DB transaction per batch, in the contract's order. */
export const SQL_PROJECTION_LIST: readonly SqlProjection[] = SQL_PROJECTIONS.map((name) => SQL_PROJECTION_BY_NAME[name]);

export function sqlProjection(name: SqlProjectionName): SqlProjection;
export function sqlProjection(name: string): SqlProjection | undefined;
export function sqlProjection(name: string): SqlProjection | undefined {
  return isSqlProjectionName(name) ? SQL_PROJECTION_BY_NAME[name] : undefined;
}

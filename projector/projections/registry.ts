import { activity } from './activity';
import { categoryTree } from './categoryTree';
import { customerSummaries } from './customerSummaries';
import { orderSummaries } from './orderSummaries';
import { productSummaries } from './productSummaries';
import { salesDaily } from './salesDaily';
import type { SqlProjection } from './types';

/** The SQL read models, applied together in one read-DB transaction per batch. */
export const SQL_PROJECTION_LIST: readonly SqlProjection[] = [productSummaries, categoryTree, orderSummaries, customerSummaries, salesDaily, activity];

export const PRODUCT_SEARCH = 'product_search';

export const SQL_PROJECTIONS = ['product_summaries', 'category_tree', 'order_summaries', 'customer_summaries', 'sales_daily', 'activity'] as const;
export const ALL_PROJECTIONS = [...SQL_PROJECTIONS, PRODUCT_SEARCH] as const;
export type ProjectionName = (typeof ALL_PROJECTIONS)[number];

export function sqlProjection(name: string): SqlProjection | undefined {
  return SQL_PROJECTION_LIST.find((p) => p.name === name);
}

export function isProjectionName(name: string): name is ProjectionName {
  return (ALL_PROJECTIONS as readonly string[]).includes(name);
}

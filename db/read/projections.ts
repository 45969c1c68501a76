/**
 * The read models by name: the one contract the projector (which writes them) and the web side
 * (which reads them and asks for rebuilds) share. Browser-safe: no Node or projector imports.
 */

/** The SQL read models, in the order the projector applies them within a batch. */
export const SQL_PROJECTIONS = ['product_summaries', 'category_tree', 'order_summaries', 'customer_summaries', 'sales_daily', 'activity'] as const;
export type SqlProjectionName = (typeof SQL_PROJECTIONS)[number];

/** The Meilisearch `products` index, filled from product_summaries. */
export const PRODUCT_SEARCH = 'product_search';

export const ALL_PROJECTIONS = [...SQL_PROJECTIONS, PRODUCT_SEARCH] as const;
export type ProjectionName = (typeof ALL_PROJECTIONS)[number];

/** For names from outside the type system: database rows, CLI arguments, form values. */
export function isProjectionName(name: unknown): name is ProjectionName {
  return ALL_PROJECTIONS.some((projection) => projection === name);
}

export function isSqlProjectionName(name: unknown): name is SqlProjectionName {
  return SQL_PROJECTIONS.some((projection) => projection === name);
}

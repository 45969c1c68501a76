/**
 * The statuses of the write model's products and orders: the one definition of each list, used
 * by the schema's columns (`./schema`), the inputs, the domain rules and the pages. Browser-safe:
 * plain values, no drizzle or Node imports.
 */

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Where the UI lists each product status: on sale first, withdrawn last. */
const PRODUCT_STATUS_RANK: Record<ProductStatus, number> = { active: 0, draft: 1, archived: 2 };

/** Every product status, in the order the UI shows them (search facets, the product form's choices). */
export const PRODUCT_STATUSES_IN_UI_ORDER: readonly ProductStatus[] = [...PRODUCT_STATUSES].sort(
  (a, b) => PRODUCT_STATUS_RANK[a] - PRODUCT_STATUS_RANK[b],
);

export const ORDER_STATUSES = ['placed', 'paid', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

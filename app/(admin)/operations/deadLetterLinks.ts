/** The page that shows what a dead letter's key is about, or null. Keys of the summary projections are the aggregate's id. */
export function deadLetterKeyHref(projection: string, key: string): string | null {
  switch (projection) {
    case 'product_summaries':
    case 'product_search':
      return `/products/${encodeURIComponent(key)}`;
    case 'order_summaries':
      return `/orders/${encodeURIComponent(key)}`;
    case 'customer_summaries':
      return `/customers/${encodeURIComponent(key)}`;
    default:
      return null;
  }
}

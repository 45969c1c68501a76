import { isProjectionName, type ProjectionName } from '@/db/read/projections';

/** The page a key of each projection is the id of; the others' keys (days, journal entries, categories) have none. */
const KEY_PAGES: Partial<Record<ProjectionName, string>> = {
  product_summaries: '/products',
  product_search: '/products',
  order_summaries: '/orders',
  customer_summaries: '/customers',
};

/** The page that shows what a dead letter's key is about, or null. Keys of the summary projections are the aggregate's id. */
export function deadLetterKeyHref(projection: string, key: string): string | null {
  const page = isProjectionName(projection) ? KEY_PAGES[projection] : undefined;
  return page ? `${page}/${encodeURIComponent(key)}` : null;
}

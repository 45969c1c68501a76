import { z } from 'zod';
import { PRODUCT_STATUSES } from '@/db/write/statuses';

export const SORTS = ['relevance', 'price:asc', 'price:desc', 'updated:desc', 'name:asc', 'stock:asc', 'stock:desc', 'sold:desc'] as const;

export const searchProductsInput = z.object({
  q: z.string().max(200, 'Search text must be at most 200 characters').default(''),
  filters: z
    .object({
      category: z.string().max(100).optional(),
      brand: z.array(z.string().max(100)).max(20).optional(),
      status: z.array(z.enum(PRODUCT_STATUSES)).max(PRODUCT_STATUSES.length).optional(),
      tags: z.array(z.string().max(40)).max(20).optional(),
      inStock: z.boolean().optional(),
      minPriceCents: z.number().int().min(0).optional(),
      maxPriceCents: z.number().int().min(0).optional(),
    })
    .default({}),
  sort: z.enum(SORTS).default('relevance'),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type SearchProductsInput = z.infer<typeof searchProductsInput>;

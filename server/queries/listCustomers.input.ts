import { z } from 'zod';

export const CUSTOMER_SORTS = ['name', 'lifetimeValue:desc', 'lastOrder:desc'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const listCustomersInput = z.object({
  q: z.string().trim().max(200, 'Search text must be at most 200 characters').optional(),
  sort: z.enum(CUSTOMER_SORTS, { error: `sort must be one of ${CUSTOMER_SORTS.join(', ')}` }).default('name'),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListCustomersInput = z.infer<typeof listCustomersInput>;

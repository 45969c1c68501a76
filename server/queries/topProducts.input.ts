import { z } from 'zod';

export const TOP_PRODUCTS_BY = ['revenue', 'units'] as const;

export const topProductsInput = z.object({
  limit: z.number().int().min(1).max(50).default(10),
  by: z.enum(TOP_PRODUCTS_BY, { error: `by must be one of ${TOP_PRODUCTS_BY.join(', ')}` }).default('revenue'),
  /** Only products sold in this currency (revenue in different currencies does not compare). */
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code')
    .optional(),
});
export type TopProductsInput = z.infer<typeof topProductsInput>;

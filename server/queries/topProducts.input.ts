import { z } from 'zod';
import { currencyInput } from '../currency.input';

export const TOP_PRODUCTS_BY = ['revenue', 'units'] as const;

export const topProductsInput = z.object({
  limit: z.number().int().min(1).max(50).default(10),
  by: z.enum(TOP_PRODUCTS_BY, { error: `by must be one of ${TOP_PRODUCTS_BY.join(', ')}` }).default('revenue'),
  /** Only products sold in this currency (revenue in different currencies does not compare). */
  currency: currencyInput.optional(),
});
export type TopProductsInput = z.infer<typeof topProductsInput>;

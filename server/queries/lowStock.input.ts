import { z } from 'zod';

export const lowStockInput = z.object({
  /** Products with this many units or fewer, over all warehouses. */
  threshold: z.number().int().min(0).max(1_000_000).default(5),
  limit: z.number().int().min(1).max(50).default(10),
});
export type LowStockInput = z.infer<typeof lowStockInput>;

import { z } from 'zod';
import { MAX_STOCK_DELTA } from '../domain/inventory';
import { commandIdField, expectedVersionField } from './aggregate.input';

const LIMIT = MAX_STOCK_DELTA.toLocaleString('en');

/** Ids are lower-cased so that a stock level has one id however its ids were written. */
export const adjustStockInput = z.object({
  productId: z.uuid('productId must be a product id').toLowerCase(),
  warehouseId: z.uuid('warehouseId must be a warehouse id').toLowerCase(),
  delta: z
    .number({ error: 'Delta must be a number of units' })
    .int('Delta must be a whole number of units')
    .min(-MAX_STOCK_DELTA, `One adjustment can remove at most ${LIMIT} units`)
    .max(MAX_STOCK_DELTA, `One adjustment can add at most ${LIMIT} units`)
    .refine((delta) => delta !== 0, 'Delta cannot be 0: add (positive) or remove (negative) at least one unit'),
  reason: z.string().trim().min(1, 'Reason is required').max(200, 'Reason must be at most 200 characters'),
  expectedVersion: expectedVersionField.optional(),
  commandId: commandIdField,
});
export type AdjustStockInput = z.infer<typeof adjustStockInput>;

import { z } from 'zod';
import { commandIdField } from './aggregate.input';

export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 1000;

/** Ids are lower-cased so that one product written in two cases is still seen as one. */
const orderLineInput = z.object({
  productId: z.uuid('productId must be a product id').toLowerCase(),
  quantity: z
    .number({ error: 'Quantity must be a number' })
    .int('Quantity must be a whole number')
    .min(1, 'Quantity must be at least 1')
    .max(MAX_LINE_QUANTITY, `Quantity can be at most ${MAX_LINE_QUANTITY}`),
});

export const placeOrderInput = z.object({
  customerId: z.uuid('customerId must be a customer id').toLowerCase(),
  lines: z
    .array(orderLineInput, { error: 'lines is a list of { productId, quantity }' })
    .min(1, 'An order needs at least one line')
    .max(MAX_ORDER_LINES, `An order can have at most ${MAX_ORDER_LINES} lines`)
    .refine(
      (lines) => new Set(lines.map((line) => line.productId)).size === lines.length,
      'Each product may appear only once in an order; put its whole quantity on one line',
    ),
  commandId: commandIdField,
});
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

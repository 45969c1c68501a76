import { z } from 'zod';
import { positionInput } from './position.input';

export const getOrderInput = z.object({
  id: z.uuid('id must be an order id'),
  after: positionInput.optional(),
});
export type GetOrderInput = z.infer<typeof getOrderInput>;

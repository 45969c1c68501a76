import { z } from 'zod';
import { positionInput } from './position.input';

export const getCustomerInput = z.object({
  id: z.uuid('id must be a customer id'),
  after: positionInput.optional(),
  /** The customer's orders, newest first, a page at a time. */
  ordersPage: z.number().int().min(1).max(1000).default(1),
  ordersPageSize: z.number().int().min(1).max(100).default(50),
});
export type GetCustomerInput = z.infer<typeof getCustomerInput>;

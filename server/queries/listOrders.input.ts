import { z } from 'zod';
import type { OrderStatus } from '@/db/write/schema';
import { ORDER_TRANSITIONS } from '../domain/orders';
import { instantInput } from './dateInputs';

/** Every order status, in the order an order goes through them. */
export const ORDER_STATUSES = Object.keys(ORDER_TRANSITIONS) as [OrderStatus, ...OrderStatus[]];

export const ORDER_SORTS = ['placed:desc', 'placed:asc', 'total:desc'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** `from` and `to` bound the time an order was placed: `from` included, `to` excluded. */
export const listOrdersInput = z
  .object({
    status: z
      .array(z.enum(ORDER_STATUSES, { error: `status must be some of ${ORDER_STATUSES.join(', ')}` }))
      .max(ORDER_STATUSES.length)
      .optional(),
    customerId: z.uuid('customerId must be a customer id').optional(),
    from: instantInput('from').optional(),
    to: instantInput('to').optional(),
    q: z.string().trim().max(200, 'Search text must be at most 200 characters').optional(),
    sort: z.enum(ORDER_SORTS, { error: `sort must be one of ${ORDER_SORTS.join(', ')}` }).default('placed:desc'),
    page: z.number().int().min(1).max(1000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'from must not be after to', path: ['to'] });
export type ListOrdersInput = z.infer<typeof listOrdersInput>;

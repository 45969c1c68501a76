import { z } from 'zod';
import { positionInput } from './position.input';

const text = (name: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} must be at most ${max} characters`);

export const listActivityInput = z.object({
  /** e.g. `product`, `order`, `customer`, `category`, `warehouse`, `stock_level`, `projector_request`. */
  aggregateType: text('aggregateType', 50).optional(),
  aggregateId: text('aggregateId', 200).optional(),
  actorId: z.uuid('actorId must be a staff member id').optional(),
  /** The procedure that ran, e.g. `catalog.changePrice`. */
  command: text('command', 100).optional(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  after: positionInput.optional(),
});
export type ListActivityInput = z.infer<typeof listActivityInput>;

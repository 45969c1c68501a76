import { z } from 'zod';
import { WAREHOUSE_CODE_PATTERN } from '../domain/inventory';
import { commandIdField } from './aggregate.input';

export const createWarehouseInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(WAREHOUSE_CODE_PATTERN, 'Code uses letters, digits and dashes (up to 16), starting with a letter or digit'),
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
  commandId: commandIdField,
});
export type CreateWarehouseInput = z.infer<typeof createWarehouseInput>;

import { z } from 'zod';
import { commandIdField } from './aggregate.input';

export const createCategoryInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
  parentId: z.uuid('Parent must be a category id').optional(),
  commandId: commandIdField,
});
export type CreateCategoryInput = z.infer<typeof createCategoryInput>;

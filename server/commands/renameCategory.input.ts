import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';
import { createCategoryInput } from './createCategory.input';

// The refinement names a field because the error formatter reports field errors only.
export const renameCategoryInput = z
  .object({
    id: idField('category'),
    expectedVersion: expectedVersionField,
    name: createCategoryInput.shape.name.optional(),
    parentId: z.uuid('Parent must be a category id').nullable().optional(),
    commandId: commandIdField,
  })
  .refine((input) => input.name !== undefined || input.parentId !== undefined, {
    message: 'Give a new name, a new parent category, or both',
    path: ['name'],
  });
export type RenameCategoryInput = z.infer<typeof renameCategoryInput>;

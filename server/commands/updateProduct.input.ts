import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';
import {
  productBrandField,
  productCategoryIdField,
  productDescriptionField,
  productNameField,
  productStatusField,
  productTagsField,
} from './createProduct.input';

const editableFields = {
  name: productNameField.optional(),
  description: productDescriptionField.optional(),
  brand: productBrandField.nullable().optional(),
  categoryId: productCategoryIdField.nullable().optional(),
  tags: productTagsField.optional(),
  status: productStatusField.optional(),
};
const editableFieldNames = Object.keys(editableFields) as (keyof typeof editableFields)[];

// The refinement names a field because the error formatter reports field errors only.
export const updateProductInput = z
  .object({
    id: idField('product'),
    expectedVersion: expectedVersionField,
    ...editableFields,
    commandId: commandIdField,
  })
  .refine((input) => editableFieldNames.some((field) => input[field] !== undefined), {
    message: `Nothing to change: give at least one of ${editableFieldNames.join(', ')}`,
    path: ['name'],
  });
export type UpdateProductInput = z.infer<typeof updateProductInput>;

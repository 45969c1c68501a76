import { z } from 'zod';
import { EDITABLE_STATUSES } from '../domain/catalog';
import { currencyInput } from '../currency.input';
import { commandIdField } from './aggregate.input';

export const MAX_PRICE_CENTS = 100_000_000; // one million in major units: far inside exact JSON numbers

export const productTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Tags use letters, digits and dashes (up to 40)');

/** The product fields' rules, shared by the commands that create and edit products. */
export const productNameField = z.string().trim().min(1, 'Name is required').max(200, 'Name must be at most 200 characters');
export const productDescriptionField = z.string().max(20_000, 'Description must be at most 20,000 characters');
export const productBrandField = z.string().trim().max(100, 'Brand must be at most 100 characters');
export const productCategoryIdField = z.uuid('Category must be a category id');
export const priceCentsField = z
  .number({ error: 'Price must be a number of cents' })
  .int('Price must be a whole number of cents')
  .min(0, 'Price cannot be negative')
  .max(MAX_PRICE_CENTS, 'Price is too large');
export const productTagsField = z
  .array(productTag)
  .max(20, 'At most 20 tags')
  .transform((tags) => [...new Set(tags)]);
/** The statuses a product form offers, in the order it shows them. */
export const productStatusField = z.enum(EDITABLE_STATUSES, { error: `Status is ${EDITABLE_STATUSES.join(' or ')}` });

export const createProductInput = z.object({
  sku: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'SKU uses letters, digits, dot, dash or underscore (up to 64)'),
  name: productNameField,
  description: productDescriptionField.default(''),
  brand: productBrandField.optional(),
  categoryId: productCategoryIdField.optional(),
  priceCents: priceCentsField,
  currency: currencyInput,
  tags: productTagsField.default([]),
  status: productStatusField.default('active'),
  commandId: commandIdField,
});
export type CreateProductInput = z.infer<typeof createProductInput>;

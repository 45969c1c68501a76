import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';
import { priceCentsField } from './createProduct.input';

export const changePriceInput = z.object({
  id: idField('product'),
  expectedVersion: expectedVersionField,
  priceCents: priceCentsField,
  commandId: commandIdField,
});
export type ChangePriceInput = z.infer<typeof changePriceInput>;

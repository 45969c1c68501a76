import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';

export const restoreProductInput = z.object({
  id: idField('product'),
  expectedVersion: expectedVersionField,
  commandId: commandIdField,
});
export type RestoreProductInput = z.infer<typeof restoreProductInput>;

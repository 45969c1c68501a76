import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';

export const payOrderInput = z.object({
  id: idField('order'),
  expectedVersion: expectedVersionField,
  commandId: commandIdField,
});
export type PayOrderInput = z.infer<typeof payOrderInput>;

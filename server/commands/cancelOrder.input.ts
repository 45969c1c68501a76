import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';

export const cancelOrderInput = z.object({
  id: idField('order'),
  expectedVersion: expectedVersionField,
  commandId: commandIdField,
});
export type CancelOrderInput = z.infer<typeof cancelOrderInput>;

import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';

export const shipOrderInput = z.object({
  id: idField('order'),
  expectedVersion: expectedVersionField,
  commandId: commandIdField,
});
export type ShipOrderInput = z.infer<typeof shipOrderInput>;

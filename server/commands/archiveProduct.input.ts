import { z } from 'zod';
import { commandIdField, expectedVersionField, idField } from './aggregate.input';

export const archiveProductInput = z.object({
  id: idField('product'),
  expectedVersion: expectedVersionField,
  commandId: commandIdField,
});
export type ArchiveProductInput = z.infer<typeof archiveProductInput>;

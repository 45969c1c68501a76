import { z } from 'zod';
import { commandIdField } from './aggregate.input';

const ID_MESSAGE = 'id must be a dead letter id (a positive whole number)';

/**
 * Dead letter ids are Postgres bigints: accepted as a number or as digits, kept as text so no
 * id loses precision on its way to the database. Up to 18 digits, as the projector reads them.
 */
export const deadLetterIdField = z
  .union(
    [
      z.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE),
      z.string({ error: ID_MESSAGE }).trim().regex(/^[1-9][0-9]{0,17}$/, ID_MESSAGE),
    ],
    { error: ID_MESSAGE },
  )
  .transform(String);

export const retryDeadLetterInput = z.object({
  id: deadLetterIdField,
  commandId: commandIdField,
});
export type RetryDeadLetterInput = z.infer<typeof retryDeadLetterInput>;

import { z } from 'zod';

/** Fields every command on an existing aggregate takes. */
export const commandIdField = z.uuid('commandId must be a UUID').optional();
export const expectedVersionField = z
  .number({ error: 'expectedVersion is the version you last saw (a whole number)' })
  .int('expectedVersion must be a whole number')
  .positive('expectedVersion starts at 1');
export const idField = (what: string) => z.uuid(`id must be a ${what} id`);

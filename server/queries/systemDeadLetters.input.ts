import { z } from 'zod';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import { DEAD_LETTER_STATUSES } from '@/db/read/schema';
import { deadLetterIdField } from '../commands/retryDeadLetter.input';
import { positionInput } from './position.input';

export const systemDeadLettersInput = z.object({
  status: z.enum(DEAD_LETTER_STATUSES, { error: `status must be one of ${DEAD_LETTER_STATUSES.join(', ')}` }).default('pending'),
  projection: z.enum(ALL_PROJECTIONS, { error: `projection must be one of ${ALL_PROJECTIONS.join(', ')}` }).optional(),
  /** One letter, e.g. to see how a retry went. */
  id: deadLetterIdField.optional(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  after: positionInput.optional(),
});
export type SystemDeadLettersInput = z.infer<typeof systemDeadLettersInput>;

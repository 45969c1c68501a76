import { z } from 'zod';
import { DEAD_LETTER_STATUSES } from '@/db/read/schema';
import { deadLetterIdField } from '../commands/retryDeadLetter.input';
import { positionInput } from './freshness';

export const systemDeadLettersInput = z.object({
  status: z.enum(DEAD_LETTER_STATUSES, { error: `status must be one of ${DEAD_LETTER_STATUSES.join(', ')}` }).default('pending'),
  projection: z.string().trim().min(1).max(100).optional(),
  /** One letter, e.g. to see how a retry went. */
  id: deadLetterIdField.optional(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  after: positionInput.optional(),
});
export type SystemDeadLettersInput = z.infer<typeof systemDeadLettersInput>;

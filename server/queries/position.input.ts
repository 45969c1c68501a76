import { z } from 'zod';
import { isLsn } from '@/lib/lsn';

/** A consistency token from a mutation (`position`): a WAL position such as `0/1DB25F0`. */
export const positionInput = z.string().refine(isLsn, 'after must be a position returned by a mutation, such as 0/1DB25F0');

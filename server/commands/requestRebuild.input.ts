import { z } from 'zod';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import { commandIdField } from './aggregate.input';

export const requestRebuildInput = z.object({
  projection: z.enum(ALL_PROJECTIONS, { error: `projection must be one of ${ALL_PROJECTIONS.join(', ')}` }),
  commandId: commandIdField,
});
export type RequestRebuildInput = z.infer<typeof requestRebuildInput>;

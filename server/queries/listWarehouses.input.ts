import { z } from 'zod';
import { positionInput } from './freshness';

export const listWarehousesInput = z.object({ after: positionInput.optional() }).default({});
export type ListWarehousesInput = z.infer<typeof listWarehousesInput>;

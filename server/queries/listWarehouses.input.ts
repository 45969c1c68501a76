import { z } from 'zod';
import { positionInput } from './position.input';

export const listWarehousesInput = z.object({ after: positionInput.optional() }).default({});
export type ListWarehousesInput = z.infer<typeof listWarehousesInput>;

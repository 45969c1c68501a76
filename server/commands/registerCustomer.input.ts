import { z } from 'zod';
import { commandIdField } from './aggregate.input';

/** Emails are stored lower-cased, so one address written in two cases is one customer. */
export const registerCustomerInput = z.object({
  email: z
    .string({ error: 'Email is required' })
    .trim()
    .toLowerCase()
    .min(1, 'Email is required')
    .max(254, 'Email must be at most 254 characters')
    .pipe(z.email('Email must be a valid address such as name@example.com')),
  name: z.string().trim().min(1, 'Name is required').max(200, 'Name must be at most 200 characters'),
  commandId: commandIdField,
});
export type RegisterCustomerInput = z.infer<typeof registerCustomerInput>;

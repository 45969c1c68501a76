import type { EventOf } from '@/db/write/events';
import { DomainError } from './errors';

/**
 * The rules of customers as pure functions: what the journal records for a registration, and
 * how a taken email address reads. The unique constraint on `customers.email` decides.
 */

export function customerRegistered(customer: { email: string; name: string }): EventOf<'CustomerRegistered'> {
  return { type: 'CustomerRegistered', schemaVersion: 1, payload: { email: customer.email, name: customer.name } };
}

/** The unique-email rule is held by a unique constraint; this is how its violation reads. */
export function customerEmailTaken(email: string): DomainError {
  const message = `A customer with the email ${email} is already registered`;
  return new DomainError('CONFLICT', message, { rule: 'unique-customer-email', fields: { email: [message] } });
}

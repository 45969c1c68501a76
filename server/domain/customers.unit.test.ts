import { describe, expect, it } from 'vitest';
import { customerEmailTaken, customerRegistered } from './customers';

describe('customers', () => {
  it('records a registration with the email and name', () => {
    expect(customerRegistered({ email: 'ana@example.com', name: 'Ana Lytics' })).toEqual({
      type: 'CustomerRegistered',
      schemaVersion: 1,
      payload: { email: 'ana@example.com', name: 'Ana Lytics' },
    });
  });

  it('names the field when the email is taken', () => {
    const error = customerEmailTaken('ana@example.com');
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({
      rule: 'unique-customer-email',
      fields: { email: ['A customer with the email ana@example.com is already registered'] },
    });
  });
});

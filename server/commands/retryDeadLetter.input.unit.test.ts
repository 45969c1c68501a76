import { describe, expect, it } from 'vitest';
import { retryDeadLetterInput } from './retryDeadLetter.input';

describe('retry dead letter input', () => {
  it('takes the id as a number or as digits and keeps it as text', () => {
    expect(retryDeadLetterInput.parse({ id: 42 })).toEqual({ id: '42' });
    expect(retryDeadLetterInput.parse({ id: ' 900719925474099312 ' })).toEqual({ id: '900719925474099312' });
  });

  it.each([0, -3, 1.5, Number.MAX_SAFE_INTEGER + 2, '0', '-1', '12a', '1e3', '', '0012', '1234567890123456789', null, undefined])(
    'refuses %s as an id, naming the field',
    (id) => {
      const result = retryDeadLetterInput.safeParse({ id });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['id']);
      expect(result.error?.issues[0]?.message).toBe('id must be a dead letter id (a positive whole number)');
    },
  );

  it('refuses a commandId that is not a UUID', () => {
    expect(retryDeadLetterInput.safeParse({ id: 1, commandId: 'again' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import { systemDeadLettersInput } from './systemDeadLetters.input';

describe('dead letter list input', () => {
  it('defaults to the first page of pending letters', () => {
    expect(systemDeadLettersInput.parse({})).toEqual({ status: 'pending', page: 1, pageSize: 20 });
  });

  it('takes a status, a projection and a position', () => {
    expect(systemDeadLettersInput.parse({ status: 'resolved', projection: 'activity', after: '0/1DB25F0', pageSize: 100 })).toEqual({
      status: 'resolved',
      projection: 'activity',
      after: '0/1DB25F0',
      page: 1,
      pageSize: 100,
    });
  });

  it('takes one letter id as a number or as digits, kept as text', () => {
    expect(systemDeadLettersInput.parse({ id: 42 }).id).toBe('42');
    expect(systemDeadLettersInput.parse({ id: '123456789012345678' }).id).toBe('123456789012345678');
  });

  it.each([{ id: 0 }, { id: '12a' }, { status: 'failed' }, { pageSize: 101 }, { pageSize: 0 }, { page: 0 }, { after: 'yesterday' }, { projection: '' }])('refuses %o', (input) => {
    expect(systemDeadLettersInput.safeParse(input).success).toBe(false);
  });

  it.each(ALL_PROJECTIONS)('takes the projection %s', (projection) => {
    expect(systemDeadLettersInput.parse({ projection }).projection).toBe(projection);
  });

  it.each(['products', 'PRODUCT_SUMMARIES', ' activity', 'dead_letters'])('refuses the projection "%s", listing the names', (projection) => {
    const result = systemDeadLettersInput.safeParse({ projection });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['projection']);
    expect(result.error?.issues[0]?.message).toBe(`projection must be one of ${ALL_PROJECTIONS.join(', ')}`);
  });
});

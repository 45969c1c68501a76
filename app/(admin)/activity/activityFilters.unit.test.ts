import { describe, expect, it } from 'vitest';
import { mergeUrlState } from '@/app/_components/urlState';
import { activityFiltersSearch, parseActivityFilters } from './activityFilters';

const parse = (query: string) => parseActivityFilters(new URLSearchParams(query));

describe('activity filters in the URL', () => {
  it('reads the filters, a page in range and a well-formed position', () => {
    expect(parse('aggregateType=product&aggregateId=p1&actorId=u1&page=2&after=0/1DB25F0')).toEqual({
      aggregateType: 'product',
      aggregateId: 'p1',
      actorId: 'u1',
      page: 2,
      after: '0/1DB25F0',
    });
    expect(parse('page=-3&after=soon')).toMatchObject({ page: 1, after: '' });
    expect(parse('page=99999')).toMatchObject({ page: 1000 });
  });

  it('forgets the position and the page on any filter change', () => {
    const current = parse('aggregateType=product&page=3&after=0/1DB25F0');
    const next = mergeUrlState(current, { actorId: 'u1' }, true);
    expect(activityFiltersSearch(next).toString()).toBe('aggregateType=product&actorId=u1');
    expect(activityFiltersSearch(mergeUrlState(current, { page: 4 }, true)).toString()).toBe('aggregateType=product&page=4');
  });
});

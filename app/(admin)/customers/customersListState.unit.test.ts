import { describe, expect, it } from 'vitest';
import { customersListInput, customersListSearch, parseCustomersListState } from './customersListState';

const parse = (query: string) => parseCustomersListState(new URLSearchParams(query));

describe('customers list URL state', () => {
  it('starts with everyone by name, page 1, and keeps defaults out of the URL', () => {
    expect(parse('')).toEqual({ q: '', sort: 'name', page: 1 });
    expect(customersListSearch(parse('sort=name&page=1')).toString()).toBe('');
  });

  it('round-trips search, sort and page', () => {
    const state = { q: 'dubois', sort: 'lifetimeValue:desc' as const, page: 2 };
    expect(parseCustomersListState(customersListSearch(state))).toEqual(state);
  });

  it('ignores an unknown sort and a bad page', () => {
    expect(parse('sort=email&page=x')).toEqual({ q: '', sort: 'name', page: 1 });
  });

  it('asks for the search text only when there is one', () => {
    expect(customersListInput(parse('sort=lastOrder:desc'))).toEqual({ sort: 'lastOrder:desc', page: 1, pageSize: 20 });
    expect(customersListInput(parse('q=ana'))).toMatchObject({ q: 'ana' });
  });
});

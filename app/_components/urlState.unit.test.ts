import { describe, expect, it } from 'vitest';
import { hrefOf, mergeUrlState } from './urlState';

describe('URL state', () => {
  const current = { q: 'lamp', sort: 'name', page: 4 };

  it('starts again at page 1 when another field changes', () => {
    expect(mergeUrlState(current, { q: 'tent' }, true)).toEqual({ q: 'tent', sort: 'name', page: 1 });
  });

  it('turns the page when the page is what changes', () => {
    expect(mergeUrlState(current, { page: 5 }, true)).toEqual({ q: 'lamp', sort: 'name', page: 5 });
  });

  it('keeps the page when asked not to reset it', () => {
    expect(mergeUrlState(current, { sort: 'price' }, false)).toEqual({ q: 'lamp', sort: 'price', page: 4 });
    expect(mergeUrlState({ days: 30, currency: null as string | null }, { currency: 'NOK' }, false)).toEqual({ days: 30, currency: 'NOK' });
  });

  it('leaves the state it merged into untouched', () => {
    mergeUrlState(current, { q: 'tent' }, true);
    expect(current).toEqual({ q: 'lamp', sort: 'name', page: 4 });
  });

  it('writes the address without a bare "?"', () => {
    expect(hrefOf('/orders', new URLSearchParams())).toBe('/orders');
    expect(hrefOf('/orders', new URLSearchParams({ q: 'a b', status: 'paid' }))).toBe('/orders?q=a+b&status=paid');
  });
});

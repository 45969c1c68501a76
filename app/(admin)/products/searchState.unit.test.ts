import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, facetEntries, parseSearch, searchInputOf, searchParamsOf } from './searchState';

const parse = (query: string) => parseSearch(new URLSearchParams(query));

describe('catalog search state in the URL', () => {
  it('reads an empty URL as the default search', () => {
    expect(parse('')).toEqual(EMPTY_SEARCH);
  });

  it('round-trips every part of a search through the URL', () => {
    const state = {
      q: 'lantern',
      category: 'Lighting',
      brand: ['Kestrel', 'Granite & Co'],
      status: ['active' as const],
      tags: ['eco', 'new'],
      stock: ['in' as const],
      minPrice: 10,
      maxPrice: 99.5,
      sort: 'sold:desc' as const,
      page: 3,
    };
    const url = searchParamsOf(state).toString();
    expect(url).toBe('q=lantern&category=Lighting&brand=Kestrel&brand=Granite+%26+Co&status=active&tag=eco&tag=new&stock=in&min=10&max=99.5&sort=sold%3Adesc&page=3');
    expect(parse(url)).toEqual(state);
  });

  it('drops what it cannot read instead of failing', () => {
    expect(parse('status=gone&status=draft&stock=maybe&sort=random&page=-4&min=abc&max=-1&brand=&brand=A&brand=A')).toEqual({
      ...EMPTY_SEARCH,
      status: ['draft'],
      brand: ['A'],
    });
    expect(parse('page=99999').page).toBe(1000);
  });

  it('leaves defaults out of the URL', () => {
    expect(searchParamsOf(EMPTY_SEARCH).toString()).toBe('');
  });
});

describe('search input', () => {
  it('turns prices into cents and one stock choice into inStock', () => {
    expect(searchInputOf({ ...EMPTY_SEARCH, minPrice: 19.99, maxPrice: 25, stock: ['out'] }).filters).toEqual({
      minPriceCents: 1999,
      maxPriceCents: 2500,
      inStock: false,
    });
  });

  it('filters nothing on stock when both choices are ticked, and sends no empty lists', () => {
    expect(searchInputOf({ ...EMPTY_SEARCH, stock: ['in', 'out'] }).filters).toEqual({});
  });
});

describe('facetEntries', () => {
  it('orders by count and keeps ticked values that have no count', () => {
    expect(facetEntries({ Kestrel: 2, Acme: 5, Bramble: 2 }, ['Zed'])).toEqual([
      { value: 'Acme', count: 5 },
      { value: 'Bramble', count: 2 },
      { value: 'Kestrel', count: 2 },
      { value: 'Zed', count: 0 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildFilter, facetCountQueries, toSegments } from './searchProducts';

describe('search filter building', () => {
  it('quotes and escapes every user value', () => {
    expect(buildFilter({ brand: ['Acme "Pro"', 'x\\y'], category: 'Shoes' })).toEqual([
      'categoryPath = "Shoes"',
      'brand IN ["Acme \\"Pro\\"", "x\\\\y"]',
    ]);
  });

  it('adds a price range and skips empty lists', () => {
    expect(buildFilter({ tags: [], minPriceCents: 100, maxPriceCents: 500 })).toEqual(['priceCents >= 100', 'priceCents <= 500']);
  });
});

describe('highlight segments', () => {
  it('splits marked matches from plain text', () => {
    expect(toSegments('Red \uE000shoe\uE001s for \uE000run\uE001')).toEqual([
      { text: 'Red ', match: false },
      { text: 'shoe', match: true },
      { text: 's for ', match: false },
      { text: 'run', match: true },
    ]);
  });

  it('keeps markup in documents as plain text', () => {
    expect(toSegments('<b>bold</b>')).toEqual([{ text: '<b>bold</b>', match: false }]);
  });
});

describe('disjunctive facet counts', () => {
  it('counts nothing apart when no facet filter is set', () => {
    expect(facetCountQueries({ minPriceCents: 100, brand: [] })).toEqual([]);
  });

  it('counts each filtered facet without its own filter but with all the others', () => {
    const filters = { brand: ['Kestrel'], inStock: true, maxPriceCents: 900 };
    expect(facetCountQueries(filters)).toEqual([
      { facet: 'brand', filters: { brand: undefined, inStock: true, maxPriceCents: 900 } },
      { facet: 'inStock', filters: { brand: ['Kestrel'], inStock: undefined, maxPriceCents: 900 } },
    ]);
  });

  it('treats inStock: false as a filter and a category as the categoryPath facet', () => {
    expect(facetCountQueries({ inStock: false, category: 'Boots' }).map((q) => q.facet)).toEqual(['categoryPath', 'inStock']);
  });
});

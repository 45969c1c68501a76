import { describe, expect, it } from 'vitest';
import { buildFilter, toSegments } from './searchProducts';

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

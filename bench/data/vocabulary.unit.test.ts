import { describe, expect, it } from 'vitest';
import {
  ADJECTIVES,
  BRANDS,
  COLLECTION_SENTENCE,
  COLLECTIONS,
  COLORS,
  DEPARTMENTS,
  DESCRIPTION_TEMPLATES,
  MATERIALS,
  QUALIFIERS,
  TAGS,
} from './vocabulary';

/** Every word a product document can hold (Meilisearch also searches brand, category path and tags). */
function catalogWords(): Set<string> {
  const texts = [
    ...DEPARTMENTS.flatMap((d) => [d.name, ...d.subcategories.flatMap((s) => [s.name, s.noun])]),
    ...QUALIFIERS, ...BRANDS, ...ADJECTIVES, ...COLORS, ...MATERIALS, ...COLLECTIONS, ...TAGS,
    ...DESCRIPTION_TEMPLATES, COLLECTION_SENTENCE, 'BX',
  ];
  const words = texts.flatMap((text) => text.replace(/%\d\$s/g, ' ').toLowerCase().split(/[^a-z0-9]+/));
  return new Set(words.filter(Boolean));
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Meilisearch's default typo tolerance: none below 5 letters, one below 9, two from 9. */
const typoBudget = (word: string) => (word.length < 5 ? 0 : word.length < 9 ? 1 : 2);

/** A one-word query is a prefix query: it finds `word` when some prefix of it is within the typo budget. */
function meiliWouldMatch(term: string, word: string): boolean {
  const budget = typoBudget(term);
  for (let end = Math.max(1, term.length - budget); end <= Math.min(word.length, term.length + budget); end++) {
    if (levenshtein(term, word.slice(0, end)) <= budget) return true;
  }
  return false;
}

describe('bench catalog vocabulary', () => {
  const words = catalogWords();
  const terms = [...ADJECTIVES, ...COLORS, ...COLLECTIONS].map((t) => t.toLowerCase());

  it('has no duplicate search terms', () => {
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('search terms are not part of any other catalog word (ILIKE finds only the term)', () => {
    const clashes = terms.flatMap((term) => [...words].filter((w) => w !== term && w.includes(term)).map((w) => `${term} in ${w}`));
    expect(clashes).toEqual([]);
  });

  it('no other catalog word is within Meilisearch typo or prefix reach of a search term', () => {
    const clashes = terms.flatMap((term) => [...words].filter((w) => w !== term && meiliWouldMatch(term, w)).map((w) => `${term} ~ ${w}`));
    expect(clashes).toEqual([]);
  });

  it('tags are valid product tags', () => {
    for (const tag of TAGS) expect(tag).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
  });

  it('second-level category names are unique, so category facets count one node each', () => {
    const names = DEPARTMENTS.flatMap((d) => [d.name, ...d.subcategories.map((s) => s.name)]);
    expect(new Set(names).size).toBe(names.length);
  });
});

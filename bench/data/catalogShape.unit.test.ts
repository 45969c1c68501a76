import { describe, expect, it } from 'vitest';
import { buildCategoryTree, categoryShape, customerCount, orderChunks, ranges } from './catalogShape';

describe('bench catalog shape', () => {
  it('grows the category tree with the catalog, up to 8 × 6 × 5 leaves', () => {
    expect(categoryShape(50)).toEqual([2, 2, 2]);
    expect(categoryShape(2_000)).toEqual([6, 4, 3]);
    expect(categoryShape(100_000)).toEqual([8, 6, 5]);
  });

  it('builds a three-level tree with unique sibling names and leaves under subcategories', () => {
    let next = 0;
    const tree = buildCategoryTree(100_000, () => `id-${next++}`);
    expect(tree.rows).toHaveLength(8 + 8 * 6 + 8 * 6 * 5);
    expect(tree.leaves).toHaveLength(240);
    const byId = new Map(tree.rows.map((row) => [row.id, row]));
    const depth = (id: string): number => {
      const parent = byId.get(id)!.parentId;
      return parent ? 1 + depth(parent) : 0;
    };
    expect(tree.leaves.every((leaf) => depth(leaf.id) === 2)).toBe(true);
    const siblings = tree.rows.map((row) => `${row.parentId}/${row.name}`);
    expect(new Set(siblings).size).toBe(siblings.length);
    expect(tree.rows.every((row) => row.name.trim().length >= 1 && row.name.length <= 100)).toBe(true);
  });

  it('has a customer per five products, at least ten', () => {
    expect(customerCount(50)).toBe(10);
    expect(customerCount(100_000)).toBe(20_000);
  });

  it('splits exactly the asked number of lines into orders of 1–5 lines and chunks of at most the chunk size', () => {
    const chunks = [...orderChunks(100_003, 20_000, 5)];
    const counts = chunks.flat();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_003);
    expect(counts.every((n) => Number.isInteger(n) && n >= 1 && n <= 5)).toBe(true);
    expect(chunks.every((chunk) => chunk.reduce((a, b) => a + b, 0) <= 20_000)).toBe(true);
    const mean = 100_003 / counts.length;
    expect(mean).toBeGreaterThan(2.2);
    expect(mean).toBeLessThan(2.8);
  });

  it('caps lines per order by the products there are, and yields nothing for no lines', () => {
    expect([...orderChunks(20, 100, 2)].flat().every((n) => n <= 2)).toBe(true);
    expect([...orderChunks(0, 100, 5)]).toEqual([]);
    expect([...orderChunks(7, 3, 5)].flat().reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('is the same on every run', () => {
    expect([...orderChunks(1_000, 200, 5)]).toEqual([...orderChunks(1_000, 200, 5)]);
  });

  it('covers a total with half-open ranges', () => {
    expect(ranges(45_000, 20_000)).toEqual([
      { from: 0, to: 20_000 },
      { from: 20_000, to: 40_000 },
      { from: 40_000, to: 45_000 },
    ]);
    expect(ranges(0, 20_000)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { diffRows, signatureOf } from './diff';

const byId = (row: Record<string, unknown>) => String(row.id);

describe('diffRows', () => {
  it('finds nothing when rows are equal, whatever the order of rows and of object keys', () => {
    const expected = [{ id: 'a', items: { x: 1, y: new Date(0) } }, { id: 'b', items: null }];
    const actual = [{ id: 'b', items: null }, { id: 'a', items: { y: new Date(0), x: 1 } }];
    expect(diffRows('t', byId, expected, actual)).toBeUndefined();
  });

  it('names missing, unexpected and differing rows with the differing fields', () => {
    const diff = diffRows(
      'category_tree',
      byId,
      [{ id: 'a', product_count: 3, name: 'A' }, { id: 'b', product_count: 1, name: 'B' }],
      [{ id: 'a', product_count: 4, name: 'A' }, { id: 'c', product_count: 0, name: 'C' }],
    )!;
    expect(diff.missing).toEqual([{ id: 'b', product_count: 1, name: 'B' }]);
    expect(diff.unexpected).toEqual([{ id: 'c', product_count: 0, name: 'C' }]);
    expect(diff.changed).toEqual([{ key: 'a', fields: [{ field: 'product_count', expected: 3, actual: 4 }] }]);
    expect(signatureOf(diff)).toEqual(['category_tree: missing rows', 'category_tree: unexpected rows', 'category_tree.product_count']);
  });

  it('tells a number from its text', () => {
    expect(diffRows('t', byId, [{ id: 'a', n: 1 }], [{ id: 'a', n: '1' }])?.changedCount).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { descendantIds, moveTargets, TOP_LEVEL } from './categoryTree';

const category = (id: string, parentId: string | null, path: string[]) => ({ id, parentId, path, name: path.at(-1)!, depth: path.length - 1, productCount: 0, version: 1 });
const tree = [
  category('a', null, ['Outdoor']),
  category('b', 'a', ['Outdoor', 'Tents']),
  category('c', 'b', ['Outdoor', 'Tents', 'Ultralight']),
  category('d', null, ['Kitchen']),
  category('e', 'd', ['Kitchen', 'Tents']),
];

describe('descendantIds', () => {
  it('follows parent links all the way down, not names', () => {
    expect(descendantIds(tree, 'a')).toEqual(new Set(['b', 'c']));
    expect(descendantIds(tree, 'd')).toEqual(new Set(['e']));
    expect(descendantIds(tree, 'c')).toEqual(new Set());
  });

  it('stops on a damaged tree that loops', () => {
    const loop = [category('x', 'y', ['X']), category('y', 'x', ['Y'])];
    expect(descendantIds(loop, 'x')).toEqual(new Set(['y', 'x']));
  });
});

describe('moveTargets', () => {
  it('offers the top level and every category but itself and its subtree', () => {
    expect(moveTargets(tree, 'b').map((t) => t.value)).toEqual([TOP_LEVEL, 'a', 'd', 'e']);
    expect(moveTargets(tree, 'b')[3]).toEqual({ value: 'e', label: 'Kitchen › Tents' });
  });
});

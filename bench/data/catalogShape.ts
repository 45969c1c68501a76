import { randomUUID } from 'node:crypto';
import { random } from '@/scripts/seed/catalogData';
import { DEPARTMENTS, QUALIFIERS } from './vocabulary';

/**
 * The parts of the bench catalog decided in TypeScript before any SQL runs: how the category
 * tree is shaped, how many customers there are, and how many lines each order has.
 */

/** Roots × subcategories per root × leaves per subcategory, growing with the catalog. */
export function categoryShape(products: number): [roots: number, subcategories: number, leaves: number] {
  if (products >= 20_000) return [8, 6, 5];
  if (products >= 2_000) return [6, 4, 3];
  if (products >= 200) return [4, 3, 2];
  return [2, 2, 2];
}

export interface CategoryRow {
  id: string;
  name: string;
  parentId: string | null;
}

export interface CategoryTree {
  rows: CategoryRow[];
  /** Where products are filed, with the noun their names use. */
  leaves: { id: string; noun: string }[];
}

/** Three levels: department, subcategory, and "<qualifier> <subcategory>" leaves. */
export function buildCategoryTree(products: number, newId: () => string = randomUUID): CategoryTree {
  const [roots, subcategories, leaves] = categoryShape(products);
  const tree: CategoryTree = { rows: [], leaves: [] };
  for (const department of DEPARTMENTS.slice(0, roots)) {
    const root = { id: newId(), name: department.name, parentId: null };
    tree.rows.push(root);
    for (const sub of department.subcategories.slice(0, subcategories)) {
      const middle = { id: newId(), name: sub.name, parentId: root.id };
      tree.rows.push(middle);
      for (const qualifier of QUALIFIERS.slice(0, leaves)) {
        const leaf = { id: newId(), name: `${qualifier} ${sub.name}`, parentId: middle.id };
        tree.rows.push(leaf);
        tree.leaves.push({ id: leaf.id, noun: sub.noun });
      }
    }
  }
  return tree;
}

/** About one customer per five products, and always enough to spread orders over. */
export function customerCount(products: number): number {
  return Math.max(10, Math.floor(products / 5));
}

/** Most orders have one or two lines; five is the most (share in percent of 1..5 lines). */
const LINE_COUNT_WEIGHTS = [30, 25, 20, 15, 10];

/**
 * Line counts of the orders, in chunks of at most `linesPerChunk` lines, adding up to exactly
 * `totalLines`. `maxPerOrder` caps them (an order cannot hold more distinct products than exist).
 */
export function* orderChunks(totalLines: number, linesPerChunk: number, maxPerOrder: number, seed = 7): Generator<number[]> {
  if (maxPerOrder < 1 || linesPerChunk < 1) throw new Error('orders need at least one line per order and per chunk');
  const rnd = random(seed);
  let remaining = totalLines;
  while (remaining > 0) {
    const chunk: number[] = [];
    let inChunk = 0;
    while (remaining > 0) {
      const lines = Math.min(drawLineCount(rnd()), maxPerOrder, linesPerChunk, remaining);
      if (inChunk + lines > linesPerChunk) break;
      chunk.push(lines);
      inChunk += lines;
      remaining -= lines;
    }
    yield chunk;
  }
}

function drawLineCount(u: number): number {
  let threshold = 0;
  for (const [i, weight] of LINE_COUNT_WEIGHTS.entries()) {
    threshold += weight / 100;
    if (u < threshold) return i + 1;
  }
  return LINE_COUNT_WEIGHTS.length;
}

/** Half-open ranges [from, to) of `size` rows each, covering 0..total. */
export function ranges(total: number, size: number): { from: number; to: number }[] {
  return Array.from({ length: Math.ceil(total / size) }, (_, i) => ({ from: i * size, to: Math.min(total, (i + 1) * size) }));
}

import { describe, expect, it } from 'vitest';
import type { ProductSearchDocument } from '@/db/read/productSearch';
import { jsonBytes, PayloadBudget } from './payloadBudget';

const doc = (id: number, descriptionBytes: number) => ({ id: `p${id}`, description: 'x'.repeat(descriptionBytes) }) as unknown as ProductSearchDocument;

describe('PayloadBudget', () => {
  it('cuts pages so that none passes the budget, in order, a document larger than the budget going alone', () => {
    const budget = new PayloadBudget(10_000 / 0.9);
    const docs = [doc(1, 4000), doc(2, 4000), doc(3, 4000), doc(4, 20_000), doc(5, 100)];
    const pages = budget.pages(docs);
    expect(pages.map((p) => p.map((d) => d.id))).toEqual([['p1', 'p2'], ['p3'], ['p4'], ['p5']]);
    for (const page of pages.filter((p) => p.length > 1)) expect(jsonBytes(page)).toBeLessThanOrEqual(budget.bytes + page.length);
  });

  it('keeps a page of small documents whole, as 2,000 summaries of ordinary products are', () => {
    const docs = Array.from({ length: 2000 }, (_, i) => doc(i, 300));
    expect(new PayloadBudget().pages(docs)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { deadLetterKeyHref } from './deadLetterLinks';

describe('dead letter key links', () => {
  it('links the keys of the product, order and customer projections to their pages', () => {
    expect(deadLetterKeyHref('product_summaries', 'p1')).toBe('/products/p1');
    expect(deadLetterKeyHref('product_search', 'p1')).toBe('/products/p1');
    expect(deadLetterKeyHref('order_summaries', 'o1')).toBe('/orders/o1');
    expect(deadLetterKeyHref('customer_summaries', 'c1')).toBe('/customers/c1');
  });

  it('links nothing for keys without a page (days, journal entries, categories)', () => {
    expect(deadLetterKeyHref('sales_daily', '2025-01-01')).toBeNull();
    expect(deadLetterKeyHref('activity', '12')).toBeNull();
    expect(deadLetterKeyHref('category_tree', 'x')).toBeNull();
  });
});

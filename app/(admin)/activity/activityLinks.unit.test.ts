import { describe, expect, it } from 'vitest';
import { aggregateHref, aggregateLabel, payloadPreview } from './activityLinks';

const id = '0b6f3c1e-7a8d-4f2b-9c3e-5d6a7b8c9d0e';
const warehouse = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('aggregate links', () => {
  it('links products, orders and customers to their pages, a stock level to its product', () => {
    expect(aggregateHref('product', id)).toBe(`/products/${id}`);
    expect(aggregateHref('order', id)).toBe(`/orders/${id}`);
    expect(aggregateHref('customer', id)).toBe(`/customers/${id}`);
    expect(aggregateHref('stock_level', `${id}:${warehouse}`)).toBe(`/products/${id}`);
  });

  it('links nothing that has no page of its own', () => {
    expect(aggregateHref('category', id)).toBeNull();
    expect(aggregateHref('warehouse', id)).toBeNull();
    expect(aggregateHref('projector_request', id)).toBeNull();
    expect(aggregateHref('stock_level', 'odd')).toBeNull();
  });

  it('names known aggregate types and passes unknown ones through', () => {
    expect(aggregateLabel('stock_level')).toBe('Stock level');
    expect(aggregateLabel('bulk')).toBe('bulk');
  });
});

describe('payload preview', () => {
  it('lists an object as key: value pairs', () => {
    expect(payloadPreview({ sku: 'A-1', priceCents: 1999, tags: ['x'] })).toBe('sku: "A-1", priceCents: 1999, tags: ["x"]');
  });

  it('cuts long payloads at the limit with an ellipsis', () => {
    const preview = payloadPreview({ description: 'x'.repeat(500) }, 40);
    expect(preview).toHaveLength(40);
    expect(preview.endsWith('…')).toBe(true);
  });

  it('shows other JSON values as JSON', () => {
    expect(payloadPreview([1, 2])).toBe('[1,2]');
    expect(payloadPreview(null)).toBe('null');
    expect(payloadPreview(undefined)).toBe('');
  });
});

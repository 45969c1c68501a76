import { describe, expect, it } from 'vitest';
import { TRANSACTION_SUBJECT, cdcSubject, outboxSubject } from './subjects';

describe('subjects', () => {
  it('names one subject per table and per aggregate type', () => {
    expect(cdcSubject('stock_levels')).toBe('shop.cdc.stock_levels');
    expect(outboxSubject('projector_request')).toBe('shop.events.projector_request');
    expect(TRANSACTION_SUBJECT).toBe('shop.transaction');
  });

  it('keeps a name to one token with no wildcards: anything but [A-Za-z0-9_-] becomes _', () => {
    expect(cdcSubject('public.products')).toBe('shop.cdc.public_products');
    expect(outboxSubject('order line*')).toBe('shop.events.order_line_');
    expect(outboxSubject('a>b')).toBe('shop.events.a_b');
    expect(outboxSubject('Stock-Level_2')).toBe('shop.events.Stock-Level_2');
    expect(outboxSubject('prodüct')).toBe('shop.events.prod_ct');
    expect(outboxSubject('')).toBe('shop.events._');
  });
});

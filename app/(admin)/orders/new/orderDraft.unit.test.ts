import { describe, expect, it } from 'vitest';
import { placeOrderInput } from '@/server/commands/placeOrder.input';
import type { DescribedError } from '@/app/_components/trpcErrors';
import { draftTotal, errorsFromIssues, errorsFromRefusal, type DraftLine } from './orderDraft';

const product = (id: string, priceCents: number, currency = 'EUR') => ({ id, sku: `SKU-${id.slice(0, 4)}`, name: `Lamp ${id.slice(0, 4)}`, priceCents, currency, stockTotal: 5 });
const A = '0b7e3f43-5d3c-4c51-9d55-0d1d2a7f5e10';
const B = '1c8f4054-6e4d-4d62-8e66-1e2e3b806f21';
const refusal = (over: Partial<DescribedError>): DescribedError => ({ message: 'refused', fields: {}, code: 'UNPROCESSABLE_CONTENT', rule: null, currentVersion: null, details: {}, ...over });

describe('order draft total', () => {
  it('adds the lines at the picked prices, empty quantities as nothing', () => {
    const lines: DraftLine[] = [
      { product: product(A, 1250), quantity: 2 },
      { product: product(B, 999), quantity: '' },
    ];
    expect(draftTotal(lines)).toEqual({ currency: 'EUR', cents: 2500 });
  });

  it('has no total for an empty order and names the currencies of a mixed one', () => {
    expect(draftTotal([])).toBeUndefined();
    expect(draftTotal([{ product: product(A, 100), quantity: 1 }, { product: product(B, 100, 'USD'), quantity: 1 }])).toEqual({
      currency: null,
      currencies: ['EUR', 'USD'],
    });
  });
});

describe('order draft errors', () => {
  it('puts the command schema’s messages on the customer and on the line they are about', () => {
    const lines: DraftLine[] = [
      { product: product(A, 100), quantity: 1 },
      { product: product(B, 100), quantity: 0 },
    ];
    const parsed = placeOrderInput.safeParse({ customerId: '', lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })) });
    expect(errorsFromIssues(parsed.error!.issues, lines)).toEqual({ customer: 'Choose a customer', byProduct: { [B]: 'Quantity must be at least 1' } });
  });

  it('says an order without lines needs one', () => {
    const parsed = placeOrderInput.safeParse({ customerId: A, lines: [] });
    expect(errorsFromIssues(parsed.error!.issues, [])).toEqual({ lines: 'An order needs at least one line', byProduct: {} });
  });

  it('shows missing stock next to the line that lacks it', () => {
    const lines: DraftLine[] = [{ product: product(A, 100), quantity: 9 }];
    const refused = refusal({ rule: 'insufficient-stock', details: { rule: 'insufficient-stock', productId: A, requested: 9, available: 4 } });
    expect(errorsFromRefusal(refused, lines)).toEqual({ byProduct: { [A]: 'Not enough stock: 9 requested, only 4 available' } });
  });

  it('shows a product that cannot be sold next to its line', () => {
    const lines: DraftLine[] = [{ product: product(A, 100), quantity: 1 }];
    const refused = refusal({ rule: 'product-not-orderable', details: { productId: A, status: 'archived' } });
    expect(errorsFromRefusal(refused, lines).byProduct[A]).toBe('This product is archived and cannot be ordered');
  });

  it('shows other refusals for the whole form', () => {
    expect(errorsFromRefusal(refusal({ rule: 'mixed-currency', message: 'All products of one order must have the same currency' }), [])).toEqual({
      byProduct: {},
      form: 'All products of one order must have the same currency',
    });
  });
});

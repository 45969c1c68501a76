import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '@/test/support/refusal';
import { ORDER_STATUSES, type OrderStatus } from '@/db/write/schema';
import {
  allocateStock,
  assertOrderable,
  assertTransition,
  canTransition,
  insufficientStock,
  MAX_ORDER_TOTAL_CENTS,
  orderCancelled,
  orderPaid,
  orderPlaced,
  orderShipped,
  orderTotal,
  priceOrder,
  singleCurrency,
  type Allocation,
  type ProductForOrder,
  type StockRow,
} from './orders';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const W1 = '10000000-0000-4000-8000-000000000001';
const W2 = '10000000-0000-4000-8000-000000000002';
const W3 = '10000000-0000-4000-8000-000000000003';

const product = (overrides: Partial<ProductForOrder> = {}): ProductForOrder => ({
  id: P1,
  sku: 'LAMP-1',
  name: 'Desk lamp',
  status: 'active',
  priceCents: 1500,
  currency: 'EUR',
  ...overrides,
});

const catalogOf = (...products: ProductForOrder[]) => new Map(products.map((p) => [p.id, p]));


describe('order status transitions', () => {
  const legal: [OrderStatus, OrderStatus][] = [
    ['placed', 'paid'],
    ['paid', 'shipped'],
    ['placed', 'cancelled'],
    ['paid', 'cancelled'],
  ];
  const isLegal = (from: OrderStatus, to: OrderStatus) => legal.some(([f, t]) => f === from && t === to);
  const allPairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

  it.each(legal)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(allPairs.filter(([from, to]) => !isLegal(from, to)))('refuses %s → %s as an illegal transition', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const error = refusalOf(() => assertTransition(from, to));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toMatchObject({ rule: 'illegal-transition', from, to });
  });

  it('explains the refusal in words a store employee understands', () => {
    expect(refusalOf(() => assertTransition('shipped', 'cancelled')).message).toBe('A shipped order cannot be cancelled');
    expect(refusalOf(() => assertTransition('cancelled', 'paid')).message).toBe('A cancelled order cannot be paid');
    expect(refusalOf(() => assertTransition('placed', 'shipped')).message).toBe('A placed order cannot be shipped before it is paid');
    expect(refusalOf(() => assertTransition('paid', 'paid')).message).toBe('This order is already paid');
  });

  it('treats shipped and cancelled as final', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('shipped', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });
});

describe('which products can be ordered', () => {
  it('accepts an active product', () => {
    expect(() => assertOrderable(product())).not.toThrow();
  });

  it.each(['draft', 'archived'] as const)('refuses a %s product, naming it and its status', (status) => {
    const error = refusalOf(() => assertOrderable(product({ status })));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual({ rule: 'product-not-orderable', productId: P1, sku: 'LAMP-1', status });
    expect(error.message).toContain('"Desk lamp" (SKU LAMP-1)');
  });
});

describe('one currency per order', () => {
  it('returns the currency all products share', () => {
    expect(singleCurrency([product(), product({ id: P2, sku: 'VASE-1' })])).toBe('EUR');
  });

  it('refuses products priced in different currencies, naming both', () => {
    const error = refusalOf(() => singleCurrency([product(), product({ id: P2, sku: 'VASE-1', name: 'Vase', currency: 'USD' })]));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual({ rule: 'mixed-currency', currencies: ['EUR', 'USD'] });
    expect(error.message).toContain('(SKU LAMP-1) is priced in EUR');
    expect(error.message).toContain('(SKU VASE-1) in USD');
  });

  it('refuses an order without lines as bad input', () => {
    const error = refusalOf(() => singleCurrency([]));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.details.fields).toHaveProperty('lines');
  });
});

describe('order total', () => {
  it('adds quantity × unit price over all lines', () => {
    expect(orderTotal([{ quantity: 3, unitPriceCents: 1500 }, { quantity: 2, unitPriceCents: 250 }])).toBe(5000);
  });

  it('is the sum of the line totals for any lines that fit', () => {
    const line = fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), unitPriceCents: fc.integer({ min: 0, max: 40_000 }) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 50 }), (lines) => {
        const expected = lines.map((l) => l.quantity * l.unitPriceCents).reduce((a, b) => a + b, 0);
        expect(orderTotal(lines)).toBe(expected);
      }),
    );
  });

  it('refuses a total larger than an order can store', () => {
    expect(orderTotal([{ quantity: 1, unitPriceCents: MAX_ORDER_TOTAL_CENTS }])).toBe(MAX_ORDER_TOTAL_CENTS);
    const error = refusalOf(() => orderTotal([{ quantity: 1000, unitPriceCents: 100_000_000 }]));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toMatchObject({ rule: 'order-total-too-large', totalCents: 100_000_000_000 });
  });
});

describe('pricing an order', () => {
  it('numbers the lines 1..n and prices them at the products’ current prices', () => {
    const vase = product({ id: P2, sku: 'VASE-1', priceCents: 250 });
    const order = priceOrder([{ productId: P2, quantity: 2 }, { productId: P1, quantity: 3 }], catalogOf(product(), vase));
    expect(order).toEqual({
      currency: 'EUR',
      totalCents: 2 * 250 + 3 * 1500,
      lines: [
        { lineNo: 1, productId: P2, quantity: 2, unitPriceCents: 250 },
        { lineNo: 2, productId: P1, quantity: 3, unitPriceCents: 1500 },
      ],
    });
  });

  it('refuses a product that does not exist, naming it', () => {
    const error = refusalOf(() => priceOrder([{ productId: P2, quantity: 1 }], catalogOf(product())));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(P2);
  });

  it('refuses the order when any product cannot be sold', () => {
    const archived = product({ id: P2, status: 'archived' });
    const error = refusalOf(() => priceOrder([{ productId: P1, quantity: 1 }, { productId: P2, quantity: 1 }], catalogOf(product(), archived)));
    expect(error.details).toMatchObject({ rule: 'product-not-orderable', productId: P2, status: 'archived' });
  });

  it('refuses products in different currencies', () => {
    const dollars = product({ id: P2, currency: 'USD' });
    const error = refusalOf(() => priceOrder([{ productId: P1, quantity: 1 }, { productId: P2, quantity: 1 }], catalogOf(product(), dollars)));
    expect(error.details.rule).toBe('mixed-currency');
  });
});

describe('stock allocation', () => {
  it('takes from the warehouse with the most stock first, then the next', () => {
    const stock: StockRow[] = [
      { productId: P1, warehouseId: W1, quantity: 3 },
      { productId: P1, warehouseId: W2, quantity: 5 },
      { productId: P1, warehouseId: W3, quantity: 4 },
    ];
    expect(allocateStock([{ productId: P1, quantity: 7 }], stock)).toEqual({
      ok: true,
      allocations: [
        { lineNo: 1, productId: P1, warehouseId: W2, quantity: 5 },
        { lineNo: 1, productId: P1, warehouseId: W3, quantity: 2 },
      ],
    });
  });

  it('breaks ties by the lowest warehouse id', () => {
    const stock: StockRow[] = [
      { productId: P1, warehouseId: W3, quantity: 2 },
      { productId: P1, warehouseId: W1, quantity: 2 },
    ];
    expect(allocateStock([{ productId: P1, quantity: 1 }], stock)).toEqual({
      ok: true,
      allocations: [{ lineNo: 1, productId: P1, warehouseId: W1, quantity: 1 }],
    });
  });

  it('ignores stock of other products and never leaves the input changed', () => {
    const stock: StockRow[] = [
      { productId: P2, warehouseId: W1, quantity: 9 },
      { productId: P1, warehouseId: W2, quantity: 1 },
    ];
    const before = structuredClone(stock);
    expect(allocateStock([{ productId: P1, quantity: 2 }], stock)).toEqual({
      ok: false,
      shortage: { productId: P1, requested: 2, available: 1 },
    });
    expect(stock).toEqual(before);
  });

  it('reports the first line that cannot be covered, and allocates nothing', () => {
    const stock: StockRow[] = [{ productId: P1, warehouseId: W1, quantity: 5 }];
    const result = allocateStock(
      [
        { productId: P1, quantity: 2 },
        { productId: P2, quantity: 1 },
      ],
      stock,
    );
    expect(result).toEqual({ ok: false, shortage: { productId: P2, requested: 1, available: 0 } });
  });

  it('describes a shortage with the product and both quantities', () => {
    const error = insufficientStock({ productId: P1, requested: 3, available: 1 }, product());
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual({ rule: 'insufficient-stock', productId: P1, requested: 3, available: 1 });
    expect(error.message).toBe('Not enough stock of "Desk lamp" (SKU LAMP-1): 3 requested, 1 available');
  });

  describe('for any stock and any order', () => {
    const products = [P1, P2, '00000000-0000-4000-8000-000000000003'];
    const warehouses = [W1, W2, W3];
    const stockArb = fc
      .uniqueArray(
        fc.record({ productId: fc.constantFrom(...products), warehouseId: fc.constantFrom(...warehouses), quantity: fc.nat({ max: 20 }) }),
        { selector: (row) => `${row.productId}/${row.warehouseId}`, maxLength: 9 },
      );
    const linesArb = fc
      .uniqueArray(fc.record({ productId: fc.constantFrom(...products), quantity: fc.integer({ min: 1, max: 30 }) }), {
        selector: (line) => line.productId,
        minLength: 1,
      });
    const inStock = (stock: StockRow[], productId: string) =>
      stock.filter((row) => row.productId === productId).reduce((sum, row) => sum + row.quantity, 0);
    const allocated = (allocations: Allocation[], key: (a: Allocation) => boolean) =>
      allocations.filter(key).reduce((sum, a) => sum + a.quantity, 0);

    it('succeeds exactly when every line is covered, and then covers each line exactly', () => {
      fc.assert(
        fc.property(stockArb, linesArb, (stock, lines) => {
          const result = allocateStock(lines, stock);
          const fits = lines.every((line) => inStock(stock, line.productId) >= line.quantity);
          expect(result.ok).toBe(fits);
          if (!result.ok) return;
          lines.forEach((line, index) => {
            expect(allocated(result.allocations, (a) => a.lineNo === index + 1 && a.productId === line.productId)).toBe(line.quantity);
          });
        }),
      );
    });

    it('never takes more than a warehouse holds, nor zero units', () => {
      fc.assert(
        fc.property(stockArb, linesArb, (stock, lines) => {
          const result = allocateStock(lines, stock);
          if (!result.ok) return;
          for (const a of result.allocations) expect(a.quantity).toBeGreaterThan(0);
          for (const row of stock) {
            const taken = allocated(result.allocations, (a) => a.productId === row.productId && a.warehouseId === row.warehouseId);
            expect(taken).toBeLessThanOrEqual(row.quantity);
          }
        }),
      );
    });

    it('names the first short line with what is available', () => {
      fc.assert(
        fc.property(stockArb, linesArb, (stock, lines) => {
          const result = allocateStock(lines, stock);
          if (result.ok) return;
          const firstShort = lines.find((line) => inStock(stock, line.productId) < line.quantity)!;
          expect(result.shortage).toEqual({
            productId: firstShort.productId,
            requested: firstShort.quantity,
            available: inStock(stock, firstShort.productId),
          });
        }),
      );
    });
  });
});

describe('order events', () => {
  const at = new Date('2025-03-04T05:06:07Z');

  it('records a placed order with each line\'s SKU and where its units came from', () => {
    const catalog = catalogOf(product(), product({ id: P2, sku: 'BULB-1', priceCents: 200 }));
    const order = priceOrder([{ productId: P1, quantity: 2 }, { productId: P2, quantity: 1 }], catalog);
    const allocations: Allocation[] = [
      { lineNo: 1, productId: P1, warehouseId: W1, quantity: 2 },
      { lineNo: 2, productId: P2, warehouseId: W2, quantity: 1 },
    ];
    expect(orderPlaced({ customerId: 'c-1', placedAt: at }, order, allocations, catalog)).toEqual({
      type: 'OrderPlaced',
      schemaVersion: 1,
      payload: {
        customerId: 'c-1',
        currency: 'EUR',
        totalCents: 3200,
        placedAt: '2025-03-04T05:06:07.000Z',
        lines: [
          { lineNo: 1, productId: P1, sku: 'LAMP-1', quantity: 2, unitPriceCents: 1500 },
          { lineNo: 2, productId: P2, sku: 'BULB-1', quantity: 1, unitPriceCents: 200 },
        ],
        allocations,
      },
    });
  });

  it('records status changes with the status before and when', () => {
    expect(orderPaid({ from: 'placed', at })).toEqual({
      type: 'OrderPaid',
      schemaVersion: 1,
      payload: { from: 'placed', to: 'paid', at: '2025-03-04T05:06:07.000Z' },
    });
    expect(orderShipped({ from: 'paid', at }).payload).toEqual({ from: 'paid', to: 'shipped', at: '2025-03-04T05:06:07.000Z' });
    const restocked: StockRow[] = [{ productId: P1, warehouseId: W3, quantity: 4 }];
    expect(orderCancelled({ from: 'paid', at }, restocked)).toEqual({
      type: 'OrderCancelled',
      schemaVersion: 1,
      payload: { from: 'paid', to: 'cancelled', at: '2025-03-04T05:06:07.000Z', restocked },
    });
  });
});

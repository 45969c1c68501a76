import { describe, expect, it } from 'vitest';
import { refusalOf } from '@/test/support/refusal';
import { adjustStockInput } from '../commands/adjustStock.input';
import { createWarehouseInput } from '../commands/createWarehouse.input';
import {
  MAX_STOCK_DELTA,
  MAX_STOCK_QUANTITY,
  WAREHOUSE_CODE_PATTERN,
  assertExpectedStockVersion,
  decideStockAdjustment,
  stockLevelId,
  warehouseCodeTaken,
  warehouseCreated,
  type StockAdjustment,
  type StockPlace,
} from './inventory';

const LAMP = '00000000-0000-4000-8000-000000000001';
const NORTH = '00000000-0000-4000-8000-000000000002';

const place: StockPlace = { product: { sku: 'LAMP-1', name: 'Desk lamp' }, warehouse: { code: 'NORTH', name: 'North depot' } };
const adjustment = (delta: number, overrides: Partial<StockAdjustment> = {}): StockAdjustment => ({
  productId: LAMP,
  warehouseId: NORTH,
  delta,
  reason: 'delivery',
  ...overrides,
});


describe('stock adjustment', () => {
  it('adds units to a stock level and bumps its version', () => {
    const decision = decideStockAdjustment({ quantity: 5, version: 3 }, adjustment(7), place);
    expect(decision.quantity).toBe(12);
    expect(decision.version).toBe(4);
  });

  it('removes units down to exactly zero', () => {
    const decision = decideStockAdjustment({ quantity: 5, version: 3 }, adjustment(-5), place);
    expect(decision).toMatchObject({ quantity: 0, version: 4 });
  });

  it('starts a never-stocked product at zero, at version 1', () => {
    expect(decideStockAdjustment(undefined, adjustment(4), place)).toMatchObject({ quantity: 4, version: 1 });
  });

  it('records what changed, why, and names the product and warehouse in the event', () => {
    const decision = decideStockAdjustment({ quantity: 5, version: 3 }, adjustment(-2, { reason: 'broken in transit' }), place);
    expect(decision.event).toEqual({
      type: 'StockAdjusted',
      schemaVersion: 1,
      payload: {
        productId: LAMP,
        warehouseId: NORTH,
        sku: 'LAMP-1',
        warehouseCode: 'NORTH',
        delta: -2,
        reason: 'broken in transit',
        quantity: { from: 5, to: 3 },
      },
    });
  });
});

describe('stock-below-zero rule', () => {
  it('refuses to remove more units than are in stock, saying how many there are', () => {
    const error = refusalOf(() => decideStockAdjustment({ quantity: 3, version: 2 }, adjustment(-5), place));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual({ rule: 'stock-below-zero', available: 3, requested: 5 });
    expect(error.message).toBe('Cannot remove 5 units of "Desk lamp" (SKU LAMP-1) in warehouse NORTH: only 3 units in stock');
  });

  it('refuses to remove units of a product never stocked in that warehouse', () => {
    const error = refusalOf(() => decideStockAdjustment(undefined, adjustment(-1), place));
    expect(error.details).toEqual({ rule: 'stock-below-zero', available: 0, requested: 1 });
    expect(error.message).toBe('Cannot remove 1 unit of "Desk lamp" (SKU LAMP-1) in warehouse NORTH: only 0 units in stock');
  });
});

describe('stock-above-maximum rule', () => {
  it('refuses a quantity larger than the database can store', () => {
    const error = refusalOf(() => decideStockAdjustment({ quantity: MAX_STOCK_QUANTITY - 1, version: 9 }, adjustment(2), place));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toMatchObject({ rule: 'stock-above-maximum', available: MAX_STOCK_QUANTITY - 1, requested: 2 });
  });

  it('accepts the largest storable quantity', () => {
    expect(decideStockAdjustment({ quantity: MAX_STOCK_QUANTITY - 1, version: 9 }, adjustment(1), place).quantity).toBe(MAX_STOCK_QUANTITY);
  });
});

describe('expected version of a stock level', () => {
  it('accepts the version the caller saw', () => {
    expect(decideStockAdjustment({ quantity: 5, version: 3 }, adjustment(1, { expectedVersion: 3 }), place).version).toBe(4);
  });

  it('refuses a stale version with the current one, and before any stock rule', () => {
    const error = refusalOf(() => decideStockAdjustment({ quantity: 0, version: 4 }, adjustment(-1, { expectedVersion: 3 }), place));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ rule: 'expected-version', currentVersion: 4 });
    expect(error.message).toContain('"Desk lamp" (SKU LAMP-1) in warehouse NORTH was changed by someone else');
  });

  it('refuses a version for a stock level that does not exist yet, with current version 0', () => {
    const error = refusalOf(() => assertExpectedStockVersion(undefined, 1, place));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ rule: 'expected-version', currentVersion: 0 });
    expect(error.message).toBe('"Desk lamp" (SKU LAMP-1) in warehouse NORTH has no stock record yet (you had version 1); reload and try again');
  });

  it('needs no version: without one, any current version is fine', () => {
    expect(decideStockAdjustment({ quantity: 5, version: 40 }, adjustment(1), place).version).toBe(41);
  });
});

describe('stock level id', () => {
  it('names the stock level by product and warehouse', () => {
    expect(stockLevelId(LAMP, NORTH)).toBe(`${LAMP}:${NORTH}`);
  });
});

describe('warehouse codes', () => {
  it.each(['NORTH', 'W1', '0', 'DC-2-EAST', 'A234567890123456'])('accepts %s', (code) => {
    expect(WAREHOUSE_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['', '-NORTH', 'north', 'NORTH EAST', 'A2345678901234567', 'NÖRD'])('refuses %j', (code) => {
    expect(WAREHOUSE_CODE_PATTERN.test(code)).toBe(false);
  });

  it('describes a taken code as a conflict on the code field', () => {
    const error = warehouseCodeTaken('NORTH');
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({
      rule: 'unique-warehouse-code',
      fields: { code: ['Warehouse code NORTH is already used by another warehouse'] },
    });
  });
});

describe('inputs of the inventory commands', () => {
  const stockInput = (fields: Record<string, unknown>) => ({ productId: LAMP, warehouseId: NORTH, delta: 1, reason: 'delivery', ...fields });

  it('trims and upper-cases a warehouse code', () => {
    expect(createWarehouseInput.parse({ code: '  dc-north ', name: ' North depot ' })).toEqual({ code: 'DC-NORTH', name: 'North depot' });
  });

  it('refuses a warehouse code that breaks the pattern and a blank name', () => {
    const result = createWarehouseInput.safeParse({ code: 'north east', name: '   ' });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['code', 'name']);
  });

  it.each([0, 1.5, MAX_STOCK_DELTA + 1, -MAX_STOCK_DELTA - 1, '3'])('refuses a delta of %j', (delta) => {
    expect(adjustStockInput.safeParse(stockInput({ delta })).error?.issues.map((issue) => issue.path[0])).toEqual(['delta']);
  });

  it.each([1, -1, MAX_STOCK_DELTA, -MAX_STOCK_DELTA])('accepts a delta of %j', (delta) => {
    expect(adjustStockInput.parse(stockInput({ delta })).delta).toBe(delta);
  });

  it('needs a reason of at most 200 characters, trimmed', () => {
    expect(adjustStockInput.parse(stockInput({ reason: '  stock count ' })).reason).toBe('stock count');
    expect(adjustStockInput.safeParse(stockInput({ reason: ' ' })).success).toBe(false);
    expect(adjustStockInput.safeParse(stockInput({ reason: 'x'.repeat(201) })).success).toBe(false);
  });

  it('lower-cases the ids, so a stock level has one id however they were written', () => {
    const parsed = adjustStockInput.parse(stockInput({ productId: LAMP.toUpperCase(), warehouseId: NORTH.toUpperCase() }));
    expect(stockLevelId(parsed.productId, parsed.warehouseId)).toBe(`${LAMP}:${NORTH}`);
  });
});

describe('warehouse creation', () => {
  it('records the code and name of a new warehouse', () => {
    expect(warehouseCreated({ code: 'NORTH', name: 'North depot' })).toEqual({
      type: 'WarehouseCreated',
      schemaVersion: 1,
      payload: { code: 'NORTH', name: 'North depot' },
    });
  });
});

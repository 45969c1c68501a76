import { describe, expect, it } from 'vitest';
import { mergeWarehouses } from './warehouseList';

const at = new Date('2025-01-02T03:04:05Z');

describe('mergeWarehouses', () => {
  it('lists created warehouses without stock, with zero counts', () => {
    expect(mergeWarehouses([{ id: 'a', code: 'BER', name: 'Berlin', createdAt: at }], [])).toEqual([
      { id: 'a', code: 'BER', name: 'Berlin', createdAt: at, productCount: 0, units: 0 },
    ]);
  });

  it('adds the stock to the created warehouse and takes the current code and name from the stock rows', () => {
    const merged = mergeWarehouses(
      [{ id: 'a', code: 'BER', name: 'Berlin', createdAt: at }],
      [{ id: 'a', code: 'BER-1', name: 'Berlin One', productCount: 3, units: 40 }],
    );
    expect(merged).toEqual([{ id: 'a', code: 'BER-1', name: 'Berlin One', createdAt: at, productCount: 3, units: 40 }]);
  });

  it('keeps a stocked warehouse the audit trail does not know, without a creation time', () => {
    const merged = mergeWarehouses([], [{ id: 'b', code: 'OSL', name: 'Oslo', productCount: 1, units: 2 }]);
    expect(merged).toEqual([{ id: 'b', code: 'OSL', name: 'Oslo', createdAt: null, productCount: 1, units: 2 }]);
  });

  it('sorts by code', () => {
    const merged = mergeWarehouses(
      [
        { id: '1', code: 'ZRH', name: 'Zurich', createdAt: at },
        { id: '2', code: 'AMS', name: 'Amsterdam', createdAt: at },
      ],
      [{ id: '3', code: 'LIS', name: 'Lisbon', productCount: 0, units: 0 }],
    );
    expect(merged.map((w) => w.code)).toEqual(['AMS', 'LIS', 'ZRH']);
  });
});

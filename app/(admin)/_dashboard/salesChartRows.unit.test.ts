import { describe, expect, it } from 'vitest';
import { rangeDays, salesChartRows } from './salesChartRows';

describe('sales chart rows', () => {
  it('labels each day in UTC and turns cents into major units', () => {
    const rows = salesChartRows({
      currency: 'EUR',
      days: [
        { day: '2025-06-05', orders: 2, units: 3, revenueCents: 12_345 },
        { day: '2025-06-06', orders: 0, units: 0, revenueCents: 0 },
      ],
      totals: { orders: 2, units: 3, revenueCents: 12_345 },
    });
    expect(rows).toEqual([
      { label: 'Jun 5', day: '2025-06-05', revenue: 123.45, orders: 2, units: 3 },
      { label: 'Jun 6', day: '2025-06-06', revenue: 0, orders: 0, units: 0 },
    ]);
  });

  it('accepts only the offered ranges from the URL', () => {
    expect(rangeDays('7')).toBe(7);
    expect(rangeDays('365')).toBe(365);
    expect(rangeDays('12')).toBe(30);
    expect(rangeDays(null)).toBe(30);
  });
});

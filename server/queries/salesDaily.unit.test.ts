import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { fillSalesDays, resolveSalesRange } from './salesDaily';
import { salesDailyInput } from './salesDaily.input';

const now = new Date('2025-06-15T22:00:00Z');

describe('sales range', () => {
  it('defaults to the last 30 days up to today (UTC)', () => {
    expect(resolveSalesRange({}, now)).toEqual({ from: '2025-05-17', to: '2025-06-15' });
  });

  it('counts 30 days back from a given end, and keeps a given start', () => {
    expect(resolveSalesRange({ to: '2025-01-10' }, now)).toEqual({ from: '2024-12-12', to: '2025-01-10' });
    expect(resolveSalesRange({ to: '0001-01-05' }, now)).toEqual({ from: '0001-01-01', to: '0001-01-05' });
    expect(resolveSalesRange({ from: '2025-06-01' }, now)).toEqual({ from: '2025-06-01', to: '2025-06-15' });
  });

  it('refuses a range longer than 366 days or backwards, naming the field', () => {
    expect(resolveSalesRange({ from: '2024-01-01', to: '2024-12-31' }, now)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    for (const range of [{ from: '2023-12-31', to: '2024-12-31' }, { from: '2020-01-01' }, { from: '2025-07-01' }]) {
      const error = (() => {
        try {
          resolveSalesRange(range, now);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_INPUT');
      expect((error as DomainError).details.fields?.from).toHaveLength(1);
    }
  });

  it('validates dates, currency and the range in the input schema', () => {
    expect(salesDailyInput.parse({ currency: ' eur ' })).toEqual({ currency: 'EUR' });
    const bad = salesDailyInput.safeParse({ from: '2025-02-30', to: 'tomorrow', currency: 'EURO' });
    expect(bad.success).toBe(false);
    expect(Object.keys(z.flattenError(bad.error!).fieldErrors).sort()).toEqual(['currency', 'from', 'to']);
    const long = salesDailyInput.safeParse({ from: '2023-01-01', to: '2025-01-01' });
    expect(z.flattenError(long.error!).fieldErrors.from).toEqual(['The range may span at most 366 days']);
  });
});

describe('filling sales days', () => {
  const rows = [
    { day: '2025-01-03', currency: 'USD', orders: 1, units: 2, revenueCents: 500 },
    { day: '2025-01-01', currency: 'EUR', orders: 2, units: 3, revenueCents: 1000 },
    { day: '2025-01-03', currency: 'EUR', orders: 1, units: 1, revenueCents: 250 },
  ];

  it('gives every currency every day of the range, zeros where nothing sold, most orders first', () => {
    const series = fillSalesDays('2025-01-01', '2025-01-03', rows);
    expect(series.map((s) => s.currency)).toEqual(['EUR', 'USD']);
    expect(series[0]).toEqual({
      currency: 'EUR',
      days: [
        { day: '2025-01-01', orders: 2, units: 3, revenueCents: 1000 },
        { day: '2025-01-02', orders: 0, units: 0, revenueCents: 0 },
        { day: '2025-01-03', orders: 1, units: 1, revenueCents: 250 },
      ],
      totals: { orders: 3, units: 4, revenueCents: 1250 },
    });
    expect(series[1]!.days.map((d) => d.revenueCents)).toEqual([0, 0, 500]);
  });

  it('answers a currency asked for with zeros when it sold nothing, and nothing at all without sales', () => {
    expect(fillSalesDays('2025-01-01', '2025-01-02', [], 'GBP')).toEqual([
      {
        currency: 'GBP',
        days: [
          { day: '2025-01-01', orders: 0, units: 0, revenueCents: 0 },
          { day: '2025-01-02', orders: 0, units: 0, revenueCents: 0 },
        ],
        totals: { orders: 0, units: 0, revenueCents: 0 },
      },
    ]);
    expect(fillSalesDays('2025-01-01', '2025-01-02', [])).toEqual([]);
  });
});

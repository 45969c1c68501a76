import { and, asc, between, eq } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { salesDaily as salesDailyTable } from '@/db/read/schema';
import { DomainError } from '../domain/errors';
import { EARLIEST_DATE } from './dateInputs';
import { addDays, eachDay, utcDay } from './days';

const FIRST_DAY = utcDay(EARLIEST_DATE);
import { DEFAULT_SALES_DAYS, rangeProblem, type SalesDailyInput } from './salesDaily.input';

export interface SalesFigures {
  /** Orders placed that day and not cancelled. */
  orders: number;
  units: number;
  revenueCents: number;
}

export interface SalesDay extends SalesFigures {
  day: string;
}

/** One currency's sales: every day of the range, zeros where nothing sold. */
export interface SalesSeries {
  currency: string;
  days: SalesDay[];
  totals: SalesFigures;
}

export interface SalesDailyView {
  from: string;
  to: string;
  /** The currencies sold in the range (or the one asked for), most orders first. */
  series: SalesSeries[];
}

export interface SalesRow extends SalesDay {
  currency: string;
}

/** The range to answer: defaults filled in from today (UTC), refused if backwards or too long. */
export function resolveSalesRange(input: Pick<SalesDailyInput, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const to = input.to ?? utcDay(now);
  // Never before 0001-01-01 (`to: '0001-01-05'` would otherwise default `from` into year 0).
  const from = input.from ?? [addDays(to, -(DEFAULT_SALES_DAYS - 1)), FIRST_DAY].sort().at(-1)!;
  const problem = rangeProblem(from, to);
  if (problem) throw new DomainError('BAD_INPUT', problem, { fields: { from: [problem] } });
  return { from, to };
}

/** Rows of `sales_daily` (any order) as one continuous series per currency. */
export function fillSalesDays(from: string, to: string, rows: SalesRow[], currency?: string): SalesSeries[] {
  const currencies = new Set(rows.map((r) => r.currency));
  if (currency) currencies.add(currency);
  const days = eachDay(from, to);
  const series = [...currencies].map((c) => {
    const byDay = new Map(rows.filter((r) => r.currency === c).map((r) => [r.day, r]));
    const filled = days.map((day) => {
      const row = byDay.get(day);
      return { day, orders: row?.orders ?? 0, units: row?.units ?? 0, revenueCents: row?.revenueCents ?? 0 };
    });
    return { currency: c, days: filled, totals: sum(filled) };
  });
  return series.sort((a, b) => b.totals.orders - a.totals.orders || a.currency.localeCompare(b.currency));
}

function sum(days: SalesFigures[]): SalesFigures {
  return days.reduce(
    (total, d) => ({ orders: total.orders + d.orders, units: total.units + d.units, revenueCents: total.revenueCents + d.revenueCents }),
    { orders: 0, units: 0, revenueCents: 0 },
  );
}

/** Orders, units and revenue per UTC day and currency, from `sales_daily`. */
export async function salesDaily(db: ReadDb, input: SalesDailyInput, now: Date): Promise<SalesDailyView> {
  const { from, to } = resolveSalesRange(input, now);
  const rows = await db
    .select({
      day: salesDailyTable.day,
      currency: salesDailyTable.currency,
      orders: salesDailyTable.orders,
      units: salesDailyTable.units,
      revenueCents: salesDailyTable.revenueCents,
    })
    .from(salesDailyTable)
    .where(and(between(salesDailyTable.day, from, to), input.currency ? eq(salesDailyTable.currency, input.currency) : undefined))
    .orderBy(asc(salesDailyTable.day));
  return { from, to, series: fillSalesDays(from, to, rows, input.currency) };
}

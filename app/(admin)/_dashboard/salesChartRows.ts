import type { SalesSeries } from '@/server/queries/salesDaily';

export interface SalesChartRow {
  /** Short label for the axis, e.g. "Jun 5". */
  label: string;
  day: string;
  /** In major units (euros, not cents), as the axis shows them. */
  revenue: number;
  orders: number;
  units: number;
}

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** One chart row per day of a currency's series. */
export function salesChartRows(series: SalesSeries): SalesChartRow[] {
  return series.days.map((d) => ({
    label: dayLabel.format(new Date(`${d.day}T00:00:00Z`)),
    day: d.day,
    revenue: d.revenueCents / 100,
    orders: d.orders,
    units: d.units,
  }));
}

export const RANGES = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
] as const;
export const DEFAULT_RANGE_DAYS = 30;

/** The range asked for in the URL, if it is one of the offered ones. */
export function rangeDays(param: string | null): number {
  const days = Number(param);
  return RANGES.some((r) => r.days === days) ? days : DEFAULT_RANGE_DAYS;
}

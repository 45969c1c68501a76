/** Calendar days as `YYYY-MM-DD` strings, counted in UTC (the days `sales_daily` is kept by). */
const MS_PER_DAY = 86_400_000;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY));
}

/** Days from `from` to `to`, both included (1 when they are the same day; 0 or less when `to` is earlier). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY) + 1;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, daysInRange(from, to)) }, (_, i) => addDays(from, i));
}

import { z } from 'zod';

/**
 * Dates an input may name: years 1 to 9999. JavaScript and zod accept more (year 0, ±275,760)
 * than Postgres stores or ISO writes in four digits, and such a date used to reach the
 * database and answer 500.
 */
export const EARLIEST_DATE = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('9999-12-31T23:59:59.999Z');

const inRange = (at: Date) => at >= EARLIEST_DATE && at <= LATEST_DATE;

/** A calendar day as `YYYY-MM-DD`, years 0001–9999. */
export const dayInput = (name: string) =>
  z.iso
    .date({ error: `${name} must be a date as YYYY-MM-DD` })
    .refine((day) => inRange(new Date(`${day}T00:00:00.000Z`)), `${name} must be between 0001-01-01 and 9999-12-31`);

/** An instant (a date or date-time string, or a Date), years 0001–9999. */
export const instantInput = (name: string) =>
  z.coerce
    .date({ error: `${name} must be a date` })
    .refine(inRange, `${name} must be between 0001-01-01 and 9999-12-31`);

import { z } from 'zod';
import { currencyInput } from '../currency.input';
import { dayInput } from './dateInputs';
import { daysInRange } from './days';

/** The longest range one call may ask for, both ends included. */
export const MAX_SALES_DAYS = 366;
/** When `from` is not given: this many days up to `to`, both included. */
export const DEFAULT_SALES_DAYS = 30;

/** Why a range cannot be answered, or null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  const days = daysInRange(from, to);
  if (days < 1) return 'from must be on or before to';
  if (days > MAX_SALES_DAYS) return `The range may span at most ${MAX_SALES_DAYS} days`;
  return null;
}

export const salesDailyInput = z
  .object({
    /** First day (UTC), included; defaults to 29 days before `to`. */
    from: dayInput('from').optional(),
    /** Last day (UTC), included; defaults to today. */
    to: dayInput('to').optional(),
    currency: currencyInput.optional(),
  })
  .superRefine((input, ctx) => {
    const problem = input.from && input.to ? rangeProblem(input.from, input.to) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['from'], message: problem });
  });
export type SalesDailyInput = z.infer<typeof salesDailyInput>;

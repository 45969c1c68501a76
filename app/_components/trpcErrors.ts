import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@/server/routers/_app';

export interface DescribedError {
  message: string;
  fields: Record<string, string[]>;
  /** The tRPC code (`CONFLICT`, `UNPROCESSABLE_CONTENT`, …), null for a network failure. */
  code: string | null;
  /** The business rule that refused, e.g. `expected-version` or `stock-below-zero`. */
  rule: string | null;
  /** Set when the refusal was a stale `expectedVersion`. */
  currentVersion: number | null;
  /** The facts behind the refusal, e.g. `{ productId, requested, available }`. */
  details: Record<string, unknown>;
}

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string[]> | null;
  rule?: string | null;
  currentVersion?: number | null;
  details?: Record<string, unknown> | null;
}

/** Field messages, a headline and the refusal's facts from a failed call, for forms. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as ErrorData | undefined;
    return {
      message: error.message,
      fields: data?.fieldErrors ?? {},
      code: data?.code ?? null,
      rule: data?.rule ?? null,
      currentVersion: data?.currentVersion ?? null,
      details: data?.details ?? {},
    };
  }
  return { message: error instanceof Error ? error.message : 'Something went wrong', fields: {}, code: null, rule: null, currentVersion: null, details: {} };
}

/** Someone else changed the aggregate since it was read: the expected version no longer matches. */
export const isStaleVersion = (error: DescribedError) => error.code === 'CONFLICT' && error.rule === 'expected-version';

/** The server refused, so nothing was written: a new attempt is a new command. (After a lost answer or a crash it may have been.) */
export const wasRefused = (error: DescribedError) => error.code !== null && error.code !== 'INTERNAL_SERVER_ERROR';

import { TRPCClientError } from '@trpc/client';

/** Why a command was refused, as the server's error formatter put it. */
export interface Refusal {
  message: string;
  /** Field → messages, for bad input. */
  fields: Record<string, string[]>;
  /** The tRPC code (`CONFLICT`, `UNPROCESSABLE_CONTENT`, …); null when the server never answered. */
  code: string | null;
  /** The business rule that refused, e.g. `insufficient-stock` or `expected-version`. */
  rule: string | null;
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

export function describeRefusal(error: unknown): Refusal {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
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

/** Someone else changed the aggregate since it was read. */
export const isVersionConflict = (refusal: Refusal) => refusal.code === 'CONFLICT' && refusal.rule === 'expected-version';

/** The server refused, so nothing was written: a new attempt is a new command. (After a lost answer or a crash it may have been.) */
export const wasRefused = (refusal: Refusal) => refusal.code !== null && refusal.code !== 'INTERNAL_SERVER_ERROR';

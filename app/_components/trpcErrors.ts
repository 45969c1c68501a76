import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@/server/routers/_app';

/** Field messages and a headline from a failed call, for forms. */
export function describeError(error: unknown): { message: string; fields: Record<string, string[]> } {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as { fieldErrors?: Record<string, string[]> | null } | undefined;
    return { message: error.message, fields: data?.fieldErrors ?? {} };
  }
  return { message: error instanceof Error ? error.message : 'Something went wrong', fields: {} };
}

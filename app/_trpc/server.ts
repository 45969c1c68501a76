import 'server-only';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createContext } from '@/server/context';
import { appRouter } from '@/server/routers/_app';
import { createCallerFactory } from '@/server/trpc';

const createCaller = createCallerFactory(appRouter);

/** Server components call procedures in-process, with the request's cookies; never over HTTP. */
export const serverCaller = cache(async () => {
  const ctx = await createContext({ cookie: (await headers()).get('cookie'), resHeaders: new Headers() });
  return createCaller(ctx);
});

/** The answer of a query for one aggregate, or null when it does not exist (yet). */
export function orNotFound<T>(answer: Promise<T>): Promise<T | null> {
  return answer.catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
}

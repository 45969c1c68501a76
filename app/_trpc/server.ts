import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createContext } from '@/server/context';
import { appRouter } from '@/server/routers/_app';
import { createCallerFactory } from '@/server/trpc';

const createCaller = createCallerFactory(appRouter);

/** Server components call procedures in-process, with the request's cookies; never over HTTP. */
export const serverCaller = cache(async () => {
  const ctx = await createContext({ headers: await headers(), resHeaders: new Headers() });
  return createCaller(ctx);
});

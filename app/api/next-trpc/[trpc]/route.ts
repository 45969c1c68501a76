import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '@/server/context';
import { appRouter } from '@/server/routers/_app';

export const dynamic = 'force-dynamic';

/**
 * The path `/api/trpc` took before it moved to tRPC's Node handler (server/http/apiHandler.ts):
 * the same router through Next's route handler and tRPC's fetch adapter. Kept only so the bench
 * can measure the two side by side in one run (issue 14); it answers 404 unless the web server
 * was started with BENCH_NEXT_ROUTE=1, and goes once the comparison is recorded.
 */
function handler(req: Request) {
  if (process.env.BENCH_NEXT_ROUTE !== '1') return new Response('Not found', { status: 404 });
  return fetchRequestHandler({
    endpoint: '/api/next-trpc',
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext({ cookie: req.headers.get('cookie'), resHeaders, origin: { address: '127.0.0.1', https: false } }),
  });
}

export { handler as GET, handler as POST };

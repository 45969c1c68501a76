import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { createContext, type Context } from '@/server/context';
import { appRouter } from '@/server/routers/_app';

/**
 * The bench's floor for an API call: the app's router, context and clients behind tRPC's own
 * standalone Node server, with no Next in the process and nothing of server/http (no page
 * routing, headers or body caps). One process on PORT; the bench measures it at the same
 * concurrency as the real web tier, and its CPU per call from /proc.
 */
const server = createHTTPServer({
  router: appRouter,
  basePath: '/api/trpc/',
  createContext: ({ req }) => createContext({ cookie: req.headers.cookie, resHeaders: new Headers(), origin: { address: req.socket.remoteAddress ?? 'unknown', https: false } }),
  // The session cookie a login sets travels in the context's headers, as in the app's handler.
  responseMeta: ({ ctx }) => ({ headers: new Headers((ctx as Context | undefined)?.resHeaders) }),
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

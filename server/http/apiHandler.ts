import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { ServerEnv } from '@/lib/env';
import { createContext, type Context } from '../context';
import { DomainError } from '../domain/errors';
import { appRouter } from '../routers/_app';
import { services } from '../services';
import { requestOrigin } from './clientAddress';

export const API_PATH = '/api/trpc';

/**
 * `/api/trpc` served by tRPC's Node handler, outside Next's request pipeline: bodies over
 * API_MAX_BODY_BYTES and batches over API_MAX_BATCH are refused before any procedure runs,
 * and the caller's address comes from the socket (see clientAddress.ts).
 */
export function createApiHandler(env: ServerEnv): (req: IncomingMessage, res: ServerResponse) => void {
  return createHTTPHandler({
    router: appRouter,
    basePath: `${API_PATH}/`,
    maxBodySize: env.API_MAX_BODY_BYTES,
    maxBatchSize: env.API_MAX_BATCH,
    createContext: ({ req }) =>
      createContext({ cookie: req.headers.cookie, resHeaders: new Headers(), origin: requestOrigin(req, env.TRUST_PROXY) }),
    responseMeta({ ctx, errors }) {
      const headers = new Headers((ctx as Context | undefined)?.resHeaders);
      const retryAfter = Math.max(0, ...errors.map((e) => (e.cause instanceof DomainError ? (e.cause.details.retryAfterSeconds ?? 0) : 0)));
      if (retryAfter > 0) headers.set('Retry-After', String(retryAfter));
      headers.set('Cache-Control', 'no-store');
      return { headers };
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') services().log.error({ err: error, path }, 'procedure failed');
    },
  });
}

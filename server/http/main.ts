import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import next from 'next';
import { EnvError, getServerEnv } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { services } from '../services';
import { API_PATH, createApiHandler } from './apiHandler';
import { createHealthHandler, isHealthPath } from './health';
import { setSecurityHeaders } from './securityHeaders';
import { runWorkers } from './workers';

/**
 * The web server: one port, one origin. `/api/trpc` goes to tRPC's Node handler (apiHandler.ts),
 * `/healthz` and `/readyz` to the probes (health.ts), everything else (pages, server components,
 * static assets) to Next. Started by `npm run web` (settings from ENV_FILE, which `npm run setup`
 * writes), `npm start` and the test stacks, with PORT and HOST; needs a `next build`.
 * WEB_CONCURRENCY processes (default: one per core) share the port (workers.ts).
 */
const log = createLogger('web');
/** Below the probes' own timeouts (docker-compose.yml: 5 s). */
const READINESS_TIMEOUT_MS = 2_000;

async function main(): Promise<void> {
  const env = getServerEnv();
  const workers = env.WEB_CONCURRENCY ?? availableParallelism();
  if (cluster.isPrimary && workers > 1) return runWorkers(workers, log);

  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? '127.0.0.1';
  const app = next({ dev: false, dir: join(import.meta.dirname, '..', '..'), hostname, port });
  await app.prepare();
  const handlePage = app.getRequestHandler();
  const handleApi = createApiHandler(env);
  const handleHealth = createHealthHandler(
    { write: () => services().write.sql`select 1`, read: () => services().read.sql`select 1` },
    { timeoutMs: READINESS_TIMEOUT_MS, log },
  );

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (isHealthPath(path)) return void handleHealth(req, res);
    const api = path === API_PATH || path.startsWith(`${API_PATH}/`) || path.startsWith(`${API_PATH}?`);
    setSecurityHeaders(req, res, !api && !path.startsWith('/_next/'));
    if (api) return handleApi(req, res);
    handlePage(req, res).catch((error: unknown) => {
      log.error({ err: error, path }, 'page failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Slow-loris bounds: headers within 20 s, a whole request within 60 s.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.listen(port, hostname, () => log.info({ url: `http://${hostname}:${port}` }, 'web server listening'));

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  log.error({ err: error }, 'web server failed to start');
  process.exit(1);
});

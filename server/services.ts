import { Meilisearch } from 'meilisearch';
import { createReadDb, createWriteDb } from '@/db/clients';
import { getServerEnv, type ServerEnv } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { LoginLimits } from './auth/loginLimits';

/**
 * Process-wide clients of the web server: the command side's write DB, the query side's
 * read DB (a role that cannot reach `shop`), Meilisearch with a search-only key, and the
 * login limits. Created once per process (the API handler and Next's server components share
 * them through globalThis).
 */
export interface Services {
  env: ServerEnv;
  write: ReturnType<typeof createWriteDb>;
  read: ReturnType<typeof createReadDb>;
  meili: Meilisearch;
  loginLimits: LoginLimits;
  log: ReturnType<typeof createLogger>;
}

const globalForServices = globalThis as unknown as { storefrontServices?: Services };

export function services(): Services {
  if (!globalForServices.storefrontServices) {
    const env = getServerEnv();
    const write = createWriteDb(env.DATABASE_URL, { applicationName: 'web-commands' });
    globalForServices.storefrontServices = {
      env,
      write,
      read: createReadDb(env.READ_DATABASE_URL, { applicationName: 'web-queries' }),
      // Uncompressed answers: over a local network gzip costs the web tier more CPU than it saves (docs/benchmarks.md).
      meili: new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_SEARCH_KEY, requestInit: { headers: { 'Accept-Encoding': 'identity' } } }),
      loginLimits: new LoginLimits(write.db, {
        perClientPerMinute: env.LOGIN_ATTEMPTS_PER_CLIENT_PER_MINUTE,
        perAccountPer15Minutes: env.LOGIN_FAILURES_PER_ACCOUNT_PER_15_MINUTES,
        hashConcurrency: env.LOGIN_HASH_CONCURRENCY,
        hashQueue: env.LOGIN_HASH_QUEUE,
      }),
      log: createLogger('web'),
    };
  }
  return globalForServices.storefrontServices;
}

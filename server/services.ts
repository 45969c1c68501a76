import 'server-only';
import { Meilisearch } from 'meilisearch';
import { createReadDb, createWriteDb } from '@/db/clients';
import { getServerEnv, type ServerEnv } from '@/lib/env';
import { createLogger } from '@/lib/logger';

/**
 * Process-wide clients of the web server: the command side's write DB, the query side's
 * read DB (a role that cannot reach `shop`), and Meilisearch. Created once per process.
 */
export interface Services {
  env: ServerEnv;
  write: ReturnType<typeof createWriteDb>;
  read: ReturnType<typeof createReadDb>;
  meili: Meilisearch;
  log: ReturnType<typeof createLogger>;
}

const globalForServices = globalThis as unknown as { storefrontServices?: Services };

export function services(): Services {
  if (!globalForServices.storefrontServices) {
    const env = getServerEnv();
    globalForServices.storefrontServices = {
      env,
      write: createWriteDb(env.DATABASE_URL, { applicationName: 'web-commands' }),
      read: createReadDb(env.READ_DATABASE_URL, { applicationName: 'web-queries' }),
      meili: new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY }),
      log: createLogger('web'),
    };
  }
  return globalForServices.storefrontServices;
}

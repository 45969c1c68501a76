import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { startMeilisearch, stopMeilisearch, type MeiliServer } from './meilisearch';
import { startPostgres, stopPostgres, type PostgresCluster } from './postgres';
import { adminUrls, type AdminUrls } from './provision';
import { loadOrCreateSecrets, rolePasswordsIn } from './secrets';
import { setUpServices, type ServicesEnv } from './setUpServices';
import { Supervisor, type SupervisorOptions } from './supervisor';
import { ensureDebianPackages } from './system-packages';

export interface StackOptions {
  dataDir: string;
  pgPort: number;
  meiliPort: number;
  /** Existing services to use instead of local ones (admin URLs: they create roles). */
  external?: { databaseUrl?: string; readDatabaseUrl?: string; meiliUrl?: string; meiliMasterKey?: string };
  log: (source: string, line: string) => void;
  /** Extra settings for the local Postgres server (`name=value`). */
  postgresSettings?: string[];
  /**
   * `npm start`: start the local Postgres and Meilisearch again (same data directory and port)
   * whenever they die, until this signal aborts. `postgres` and `meili` then describe only the
   * first processes.
   */
  keepAliveUntil?: AbortSignal;
  /** The products index the web server's search-only key is for (default MEILI_INDEX or `products`). */
  meiliIndex?: string;
  /** `npm start`: demo data with this many products, once. */
  seedProducts?: number;
}

export interface StackEnv extends ServicesEnv {
  /** Superuser-level URLs, for tests that inspect or break things on purpose. */
  ADMIN_DATABASE_URL: string;
  ADMIN_READ_DATABASE_URL: string;
}

export interface LocalStack {
  env: StackEnv;
  postgres: PostgresCluster | undefined;
  meili: MeiliServer | undefined;
  stop(): Promise<void>;
}

/**
 * Everything the app needs below it: Postgres with logical replication (local cluster or an
 * existing server), Meilisearch, then the same setup as `npm run setup` (setUpServices.ts).
 */
export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  const secrets = loadOrCreateSecrets(dataDir);
  const external = options.external ?? {};
  const pgOptions = { dataDir, port: options.pgPort, password: secrets.postgresPassword, onLog: (l: string) => options.log('postgres', l), settings: options.postgresSettings };
  const meiliOptions = { dataDir, port: options.meiliPort, masterKey: secrets.meiliMasterKey, onLog: (l: string) => options.log('meili', l) };
  let pg: PostgresCluster | undefined;
  let meili: MeiliServer | undefined;
  try {
    let admin: AdminUrls;
    if (external.databaseUrl) {
      admin = adminUrls(external.databaseUrl, external.readDatabaseUrl);
    } else {
      ensureDebianPackages(['postgresql-15-wal2json'], (line) => options.log('setup', line));
      pg = await startPostgres(pgOptions);
      admin = { write: pg.superuserUrl('shop'), read: pg.superuserUrl('shop_read') };
    }
    let meiliUrl = external.meiliUrl;
    let meiliKey = external.meiliMasterKey ?? secrets.meiliMasterKey;
    if (!meiliUrl) {
      meili = await startMeilisearch(meiliOptions);
      meiliUrl = meili.url;
      meiliKey = secrets.meiliMasterKey;
    }
    const services = await setUpServices({
      admin,
      passwords: rolePasswordsIn(secrets),
      meili: { url: meiliUrl, masterKey: meiliKey, index: options.meiliIndex ?? process.env.MEILI_INDEX ?? 'products' },
      seedProducts: options.seedProducts,
      log: options.log,
    });
    const until = options.keepAliveUntil;
    const supervisors = until
      ? [
          pg && keepAlive(pg, () => startPostgres(pgOptions), { name: 'postgres', stop: stopPostgres, until, log: options.log }),
          meili && keepAlive(meili, () => startMeilisearch(meiliOptions), { name: 'meili', stop: stopMeilisearch, until, log: options.log }),
        ].filter((supervisor): supervisor is Supervisor => supervisor !== undefined)
      : [];
    return {
      env: { ...services, ADMIN_DATABASE_URL: admin.write, ADMIN_READ_DATABASE_URL: admin.read },
      postgres: pg,
      meili,
      async stop() {
        if (supervisors.length > 0) {
          // Meilisearch first, Postgres last, whichever of their processes runs now.
          for (const supervisor of [...supervisors].reverse()) await supervisor.stop();
          return;
        }
        await meili?.stop();
        await pg?.stop();
      },
    };
  } catch (error) {
    await meili?.stop();
    await pg?.stop();
    throw error;
  }
}

type Server = { process: ChildProcess };

/** Watches a server started above and, when it dies, starts the same server again. */
function keepAlive(first: Server, startAgain: () => Promise<Server>, options: Omit<SupervisorOptions, 'start'>): Supervisor {
  const supervisor = new Supervisor({ ...options, start: async () => (await startAgain()).process });
  supervisor.adopt(first.process);
  return supervisor;
}

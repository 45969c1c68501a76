import { resolve } from 'node:path';
import { migrateDatabases } from '@/db/migrate';
import { startMeilisearch, type MeiliServer } from './meilisearch';
import { startPostgres, type PostgresCluster } from './postgres';
import { appUrls, ensureDatabases, provisionRoles, withDatabase, type AppUrls } from './provision';
import { loadOrCreateSecrets } from './secrets';
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
}

export interface StackEnv extends AppUrls {
  MEILI_URL: string;
  MEILI_MASTER_KEY: string;
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
 * existing server), Meilisearch, migrations, and the least-privilege roles.
 */
export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  const secrets = loadOrCreateSecrets(dataDir);
  const external = options.external ?? {};
  let pg: PostgresCluster | undefined;
  let meili: MeiliServer | undefined;
  try {
    let admin: { write: string; read: string };
    if (external.databaseUrl) {
      admin = { write: external.databaseUrl, read: external.readDatabaseUrl ?? withDatabase(external.databaseUrl, 'shop_read') };
    } else {
      ensureDebianPackages(['postgresql-15-wal2json'], (line) => options.log('setup', line));
      pg = await startPostgres({ dataDir, port: options.pgPort, password: secrets.postgresPassword, onLog: (l) => options.log('postgres', l), settings: options.postgresSettings });
      admin = { write: pg.superuserUrl('shop'), read: pg.superuserUrl('shop_read') };
    }
    await ensureDatabases(admin.write, { write: new URL(admin.write).pathname.slice(1), read: new URL(admin.read).pathname.slice(1) });
    await migrateDatabases(admin);
    const passwords = { command: secrets.commandPassword, query: secrets.queryPassword, projector: secrets.projectorPassword };
    await provisionRoles(admin, passwords);

    let meiliUrl = external.meiliUrl;
    let meiliKey = external.meiliMasterKey ?? secrets.meiliMasterKey;
    if (!meiliUrl) {
      meili = await startMeilisearch({ dataDir, port: options.meiliPort, masterKey: secrets.meiliMasterKey, onLog: (l) => options.log('meili', l) });
      meiliUrl = meili.url;
      meiliKey = secrets.meiliMasterKey;
    }
    return {
      env: {
        ...appUrls(admin, passwords),
        MEILI_URL: meiliUrl,
        MEILI_MASTER_KEY: meiliKey,
        ADMIN_DATABASE_URL: admin.write,
        ADMIN_READ_DATABASE_URL: admin.read,
      },
      postgres: pg,
      meili,
      async stop() {
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

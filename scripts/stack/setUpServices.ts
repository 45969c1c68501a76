import { createWriteDb } from '@/db/clients';
import { migrateDatabases } from '@/db/migrate';
import { seedDemoData } from '@/scripts/seed/seedDemoData';
import { ensureSearchKey } from './meiliKeys';
import { appUrls, ensureDatabases, provisionRoles, type AdminUrls, type AppUrls, type RolePasswords } from './provision';

export interface ServiceSetup {
  admin: AdminUrls;
  passwords: RolePasswords;
  meili: { url: string; masterKey: string; index: string };
  /** Demo data with this many products, once (skipped when the write model has users); none when undefined. */
  seedProducts?: number;
  log: (source: 'setup' | 'seed', line: string) => void;
}

/** Every setting the services need, before it is split per service (serviceEnvFiles.ts). */
export interface ServicesEnv extends AppUrls {
  MEILI_URL: string;
  /** Only for the setup and the projector: the web server never gets it. */
  MEILI_MASTER_KEY: string;
  /** The web server's key: search the products index, nothing else. */
  MEILI_SEARCH_KEY: string;
  MEILI_INDEX: string;
}

/**
 * What must hold before the web server and the projector start, shared by `npm run setup` and
 * `npm start`: both databases exist and are migrated, the least-privilege roles have these
 * passwords and their grants, the search-only key exists, and (when asked) the demo data.
 * Every step is idempotent, so running it on every deploy changes nothing the second time.
 */
export async function setUpServices(setup: ServiceSetup): Promise<ServicesEnv> {
  const { admin, passwords, meili } = setup;
  await ensureDatabases(admin.write, { write: databaseOf(admin.write), read: databaseOf(admin.read) });
  await migrateDatabases(admin);
  await provisionRoles(admin, passwords);
  setup.log('setup', `databases ${databaseOf(admin.write)} and ${databaseOf(admin.read)} migrated, roles provisioned`);
  const searchKey = await ensureSearchKey(meili.url, meili.masterKey, meili.index);
  const env: ServicesEnv = { ...appUrls(admin, passwords), MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_SEARCH_KEY: searchKey, MEILI_INDEX: meili.index };
  if (setup.seedProducts !== undefined) {
    // Through the command role and the command handlers, as the app writes.
    const write = createWriteDb(env.DATABASE_URL, { max: 2 });
    try {
      const seeded = await seedDemoData(write.db, { products: setup.seedProducts, log: (line) => setup.log('seed', line) });
      if (!seeded) setup.log('seed', 'demo data already there');
    } finally {
      await write.sql.end();
    }
  }
  return env;
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

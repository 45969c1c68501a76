import { EnvError, getSetupEnv, type SetupEnv } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { adminUrls } from './stack/provision';
import { rolePasswords } from './stack/secrets';
import { formatEnvFile, settingsFor, writeEnvFile, type Service } from './stack/serviceEnvFiles';
import { setUpServices } from './stack/setUpServices';

/**
 * `npm run setup [-- --seed]`: prepares existing Postgres and Meilisearch servers for the web
 * server and the projector, then writes each service's settings (its own role's URLs and key)
 * to WEB_ENV_FILE and PROJECTOR_ENV_FILE, which the services read through ENV_FILE. Safe to run
 * on every deploy: a second run changes nothing. docs/deployment.md has the whole picture.
 */
const USAGE = 'Usage: npm run setup [-- --seed]   (--seed: demo data, SEED_PRODUCTS products or 300, once)';
const DEFAULT_SEED_PRODUCTS = 300;
const log = createLogger('setup');

function readSettings(): { settings: SetupEnv; seedProducts: number | undefined } {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--seed');
  if (unknown.length > 0) fail(`Unknown argument ${unknown.join(' ')}\n${USAGE}`);
  const settings = getSetupEnv();
  const seed = args.includes('--seed') || settings.SEED_PRODUCTS !== undefined;
  return { settings, seedProducts: seed ? (settings.SEED_PRODUCTS ?? DEFAULT_SEED_PRODUCTS) : undefined };
}

async function main(): Promise<void> {
  const { settings, seedProducts } = readSettings();
  const env = await setUpServices({
    admin: adminUrls(settings.DATABASE_URL, settings.READ_DATABASE_URL),
    passwords: rolePasswords(settings.SECRETS_FILE, {
      command: settings.SHOP_COMMAND_PASSWORD,
      query: settings.SHOP_QUERY_PASSWORD,
      projector: settings.SHOP_PROJECTOR_PASSWORD,
    }),
    meili: { url: settings.MEILI_URL, masterKey: settings.MEILI_MASTER_KEY, index: settings.MEILI_INDEX },
    seedProducts,
    log: (source, line) => log.info({ step: source }, line),
  });
  const files: Record<Service, string> = { web: settings.WEB_ENV_FILE, projector: settings.PROJECTOR_ENV_FILE };
  for (const [service, file] of Object.entries(files) as [Service, string][]) {
    const wrote = writeEnvFile(file, formatEnvFile(service, settingsFor(service, env)));
    log.info({ service, file }, wrote ? 'settings written' : 'settings unchanged');
  }
  log.info('setup complete');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) fail(error.message);
  log.error({ err: error }, 'setup failed');
  process.exit(1);
});

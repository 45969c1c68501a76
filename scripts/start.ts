import { join } from 'node:path';
import { EnvError, getStartEnv, type StartEnv } from '@/lib/env';
import { buildWebIfStale, ROOT, startProjector, startWeb, webUrl } from './stack/appProcesses';
import { startLocalStack, type LocalStack } from './stack/localStack';
import { startNats, type NatsServer } from './stack/nats';
import { Supervisor, type SupervisorOptions } from './stack/supervisor';

/**
 * `npm start`: the whole system on one machine, with demo data. Local Postgres and
 * Meilisearch unless DATABASE_URL / READ_DATABASE_URL / MEILI_URL name existing ones.
 * Any of its processes that dies is started again (scripts/stack/supervisor.ts).
 */
const COLORS: Record<string, string> = { setup: '36', postgres: '34', meili: '35', projector: '33', publisher: '33', nats: '35', web: '32', seed: '36' };
const log = (source: string, line: string) =>
  process.stdout.write(`\x1b[${COLORS[source] ?? '37'}m[${source.padEnd(9)}]\x1b[0m ${line}\n`);
const prefix = (source: string) => `\x1b[${COLORS[source]}m[${source.padEnd(9)}]\x1b[0m`;

function readSettings(): StartEnv {
  try {
    return getStartEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const settings = readSettings();
  let stack: LocalStack | undefined;
  let nats: NatsServer | undefined;
  const apps: Supervisor[] = [];
  const shuttingDown = new AbortController();
  const shutdown = async (code: number) => {
    if (shuttingDown.signal.aborted) return;
    shuttingDown.abort();
    log('setup', 'stopping…');
    for (const app of [...apps].reverse()) await app.stop();
    await nats?.stop();
    await stack?.stop();
    log('setup', 'stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    stack = await startLocalStack({
      dataDir: join(ROOT, '.data'),
      pgPort: settings.PG_PORT,
      meiliPort: settings.MEILI_PORT,
      external: {
        databaseUrl: settings.DATABASE_URL,
        readDatabaseUrl: settings.READ_DATABASE_URL,
        meiliUrl: settings.MEILI_URL,
        meiliMasterKey: settings.MEILI_MASTER_KEY,
      },
      log,
      keepAliveUntil: shuttingDown.signal,
      seedProducts: settings.SEED_PRODUCTS,
    });
    buildWebIfStale((l) => log('setup', l));

    const env: Record<string, string> = { ...stack.env, LOG_FORMAT: 'pretty' };
    // The change stream (docs/events.md): slot → publisher → JetStream → the projector.
    let streamUrl = settings.CHANGE_STREAM_URL;
    if (!streamUrl && settings.CHANGE_STREAM === '1') {
      nats = await startNats({ dataDir: join(ROOT, '.data'), port: settings.NATS_PORT, onLog: (l) => log('nats', l) });
      streamUrl = nats.url;
    }
    const supervise = (name: string, start: SupervisorOptions['start']) => {
      const supervisor = new Supervisor({ name, start, until: shuttingDown.signal, log });
      apps.push(supervisor);
      return supervisor.start();
    };
    if (streamUrl) {
      env.CHANGE_STREAM_URL = streamUrl;
      log('setup', `change events on ${streamUrl} (stream SHOP); the projector reads them there`);
      await supervise('publisher', () => startProjector(env, { prefix: prefix('publisher'), args: ['publish'] }));
    }
    // The projector shows on the operations page how often it had to be restarted.
    await supervise('projector', (restarts) => startProjector({ ...env, PROJECTOR_RESTARTS: String(restarts) }, { prefix: prefix('projector') }));
    await supervise('web', async () => (await startWeb(env, { port: settings.PORT, host: settings.HOST, prefix: prefix('web') })).child);
    const url = webUrl(settings.PORT, settings.HOST).replace('127.0.0.1', 'localhost');
    log('setup', `ready: ${url}  (admin@example.com / admin-demo-pass, viewer@example.com / viewer-demo-pass; Ctrl-C stops)`);
  } catch (error) {
    log('setup', `start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();

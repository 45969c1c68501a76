import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createWriteDb } from '@/db/clients';
import { seedStaff } from '@/scripts/seed/seedDemoData';
import { ROOT, startProjector, startWeb } from '@/scripts/stack/appProcesses';
import { startLocalStack, type StackEnv } from '@/scripts/stack/localStack';
import { startMeilisearch, type MeiliServer } from '@/scripts/stack/meilisearch';
import { startNats, type NatsServer } from '@/scripts/stack/nats';
import { startPostgres, type PostgresCluster } from '@/scripts/stack/postgres';
import { freePort, pipeWithPrefix, stopGroup } from '@/scripts/stack/processes';
import { loadOrCreateSecrets } from '@/scripts/stack/secrets';
import { loginAs, type ApiClient } from '@/test/support/api';
import { ProjectorProcess, waitForCheckpoints } from '@/test/support/projector';
import { Gate } from './gate';

export type ConvergeEnv = StackEnv & Record<string, string> & { MEILI_INDEX: string; PROJECTOR_METRICS_PORT: string; NEXT_TELEMETRY_DISABLED: string; LOG_LEVEL: string };

/** The write tables a history writes; staff users and their sessions stay. */
const HISTORY_TABLES = 'categories, products, product_tags, warehouses, stock_levels, customers, orders, order_lines, order_allocations, journal, projector_requests';
export const POISON_CONSTRAINT = 'converge_poison';

const quiet = { onnotice: () => {} };

/**
 * The harness's own stack: Postgres, Meilisearch, the built web app and the projector, on free
 * ports in a temporary directory. Unlike the shared test stack it may stop and restart any of
 * them: Postgres and Meilisearch keep their data directory and port across restarts.
 */
export class ConvergeStack {
  projector: ProjectorProcess;
  batchChanges = 5000;
  /** Every operation of a history passes it; a Postgres stop waits for those in flight. */
  readonly gate = new Gate();
  /** Set while the harness holds the projector down on purpose: any other exit is a crash. */
  private projectorHeldDown = false;
  private poisoned = false;
  /** Set by `stop`: a fault still running in the background must not start anything again. */
  private stopped = false;
  /** With the change stream in between (`--stream`): the NATS server and the publisher. */
  private nats: NatsServer | undefined;
  private natsPort = 0;
  publisher: ProjectorProcess | undefined;

  private constructor(
    readonly env: ConvergeEnv,
    private readonly dataDir: string,
    private pg: PostgresCluster,
    private meili: MeiliServer,
    private web: ChildProcess,
    private readonly webPort: number,
    readonly api: ApiClient,
    /** The write database as its owner. */
    readonly write: postgres.Sql,
    /** The read database as its owner. */
    readonly read: postgres.Sql,
  ) {
    this.projector = new ProjectorProcess(env);
  }

  static async start(options: { verbose?: boolean; stream?: boolean } = {}): Promise<ConvergeStack> {
    const stack = await ConvergeStack.startBase(options);
    if (options.stream) await stack.startStream().catch(async (error: unknown) => {
      await stack.stop();
      throw error;
    });
    return stack;
  }

  private static async startBase(options: { verbose?: boolean }): Promise<ConvergeStack> {
    if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) throw new Error('The web app is not built: run `npm run build` first.');
    const dataDir = mkdtempSync(join(tmpdir(), 'storefront-converge-'));
    const log = options.verbose ? (source: string, line: string) => process.stderr.write(`[${source}] ${line}\n`) : () => {};
    const local = await startLocalStack({ dataDir, pgPort: await freePort(), meiliPort: await freePort(), log });
    try {
      const env: ConvergeEnv = { ...local.env, MEILI_INDEX: 'products', PROJECTOR_METRICS_PORT: '0', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn' };
      const commands = createWriteDb(env.DATABASE_URL, { max: 1 });
      await seedStaff(commands.db);
      await commands.sql.end();
      const webPort = await freePort();
      const web = await startWeb(env, { port: webPort });
      if (options.verbose) pipeWithPrefix(web.child, '[web]', process.stderr);
      const { api } = await loginAs(web.url, 'admin');
      const write = postgres(env.ADMIN_DATABASE_URL, { ...quiet, max: 8 });
      const read = postgres(env.ADMIN_READ_DATABASE_URL, { ...quiet, max: 2 });
      return new ConvergeStack(env, dataDir, local.postgres!, local.meili!, web.child, webPort, api, write, read);
    } catch (error) {
      await local.stop();
      removeDataDir(dataDir);
      throw error;
    }
  }

  /** A nats-server on its own port and store, the publisher, and from now on projectors that read the stream. */
  private async startStream(): Promise<void> {
    this.natsPort = await freePort();
    await this.startNats();
    Object.assign(this.env, { CHANGE_STREAM_URL: `nats://127.0.0.1:${this.natsPort}`, CHANGE_STREAM_HEARTBEAT_MS: '100' });
    this.startPublisher();
  }

  get streaming(): boolean {
    return this.nats !== undefined;
  }

  startPublisher(): void {
    if (this.stopped) return;
    this.publisher = new ProjectorProcess(this.env, ['publish']);
    this.publisher.start();
  }

  async stopPublisher(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    await (signal === 'SIGKILL' ? this.publisher?.kill() : this.publisher?.stop());
  }

  async startNats(): Promise<void> {
    if (this.stopped || (this.nats && isRunning(this.nats.process))) return;
    const nats = await startNats({ dataDir: this.dataDir, port: this.natsPort });
    if (this.stopped) return nats.stop();
    this.nats = nats;
  }

  async stopNats(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    if (!this.nats) return;
    if (signal === 'SIGTERM') return this.nats.stop();
    await killAndWait(this.nats.process, 'SIGKILL');
  }

  startProjector(batchChanges = this.batchChanges): void {
    if (this.stopped) return;
    this.batchChanges = batchChanges;
    this.projector = new ProjectorProcess({ ...this.env, PROJECTOR_BATCH_CHANGES: String(batchChanges) });
    this.projector.start();
    this.projectorHeldDown = false;
  }

  async stopProjector(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    this.projectorHeldDown = true;
    await (signal === 'SIGKILL' ? this.projector.kill() : this.projector.stop());
  }

  /** The projector's exit code (or signal) when it ended without the harness stopping it. */
  projectorCrash(): string | undefined {
    if (this.projectorHeldDown || this.projector.running) return undefined;
    return `exit code ${String(this.projector.exitCode)}`;
  }

  /** The web server's exit code when it ended by itself (it is then started again on the same port; sessions live in the database). */
  async restartWebIfExited(): Promise<string | undefined> {
    if (this.stopped || isRunning(this.web)) return undefined;
    const how = `exit code ${String(this.web.exitCode ?? this.web.signalCode)}`;
    await stopGroup(this.web, 'SIGKILL'); // whatever it left in its group holds the port
    this.web = (await startWeb(this.env, { port: this.webPort })).child;
    return how;
  }

  async stopMeilisearch(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    if (signal === 'SIGTERM') return this.meili.stop();
    await killAndWait(this.meili.process, 'SIGKILL');
  }

  async startMeilisearch(): Promise<void> {
    if (this.stopped || isRunning(this.meili.process)) return;
    const meili = await startMeilisearch({ dataDir: this.dataDir, port: Number(new URL(this.env.MEILI_URL).port), masterKey: this.env.MEILI_MASTER_KEY });
    if (this.stopped) return meili.stop();
    this.meili = meili;
  }

  /** `fast`: roll back and checkpoint; `immediate`: no checkpoint, crash recovery at the next start. */
  async stopPostgres(mode: 'fast' | 'immediate'): Promise<void> {
    await this.gate.alone(() => (mode === 'fast' ? this.pg.stop() : killAndWait(this.pg.process, 'SIGQUIT')));
  }

  async startPostgres(): Promise<void> {
    if (this.stopped || isRunning(this.pg.process)) return;
    const pg = await startPostgres({ dataDir: this.dataDir, port: this.pg.port, password: loadOrCreateSecrets(this.dataDir).postgresPassword });
    if (this.stopped) return pg.stop();
    this.pg = pg;
  }

  /** The projector CLI: `npm run projector -- rebuild <projection> --no-wait`; resolves to its exit code. */
  async rebuildFromCli(projection: string): Promise<number | null> {
    const child = startProjector(this.env, { args: ['rebuild', projection, '--no-wait'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const timer = setTimeout(() => void stopGroup(child, 'SIGKILL'), 60_000);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  async poison(): Promise<void> {
    this.poisoned = true;
    await this.read.unsafe(`alter table product_summaries add constraint ${POISON_CONSTRAINT} check (name not like 'POISON%') not valid`);
  }

  async liftPoison(): Promise<void> {
    await this.read.unsafe(`alter table product_summaries drop constraint if exists ${POISON_CONSTRAINT}`);
    this.poisoned = false;
  }

  get isPoisoned(): boolean {
    return this.poisoned;
  }

  async currentPosition(): Promise<string> {
    const [row] = await this.write<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
    return row!.lsn;
  }

  /** Resolves once every projection has applied everything written so far. */
  async caughtUp(timeoutMs: number): Promise<void> {
    await waitForCheckpoints(this.env.ADMIN_READ_DATABASE_URL, await this.currentPosition(), timeoutMs);
  }

  /**
   * A fresh start for the next history: the projector stopped, the history tables emptied,
   * the checkpoints deleted (the documented way to force a full initial load), then the
   * projector started with the history's batch size and waited for.
   */
  async reset(batchChanges: number, timeoutMs: number): Promise<void> {
    await this.stopProjector('SIGKILL');
    await this.startPostgres();
    await this.startMeilisearch();
    if (this.streaming) {
      await this.startNats();
      if (!this.publisher?.running) this.startPublisher();
    }
    await this.write.unsafe(`truncate ${HISTORY_TABLES} restart identity cascade`);
    await this.liftPoison();
    await this.read.unsafe('delete from projection_checkpoints; truncate dead_letters, projection_rebuilds');
    this.startProjector(batchChanges);
    await this.caughtUp(timeoutMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.projector.kill();
    await this.publisher?.kill();
    await this.nats?.stop();
    await stopGroup(this.web);
    await this.write.end({ timeout: 5 });
    await this.read.end({ timeout: 5 });
    await this.meili.stop();
    await this.pg.stop();
    removeDataDir(this.dataDir);
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** The cluster may live outside the data directory (see scripts/stack/postgres.ts): remove both. */
function removeDataDir(dataDir: string): void {
  const pointer = join(dataDir, 'pg-location');
  if (existsSync(pointer)) rmSync(readFileSync(pointer, 'utf8').trim(), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

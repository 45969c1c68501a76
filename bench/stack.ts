import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWriteDb } from '@/db/clients';
import { seedStaff } from '@/scripts/seed/seedDemoData';
import type { Actor } from '@/server/commands/runCommand';
import { buildWebIfStale, ROOT, startProjector, startWeb, webEnv } from '@/scripts/stack/appProcesses';
import { startLocalStack, type StackEnv } from '@/scripts/stack/localStack';
import { freePort, pipeWithPrefix, startDetached, stopGroup, waitFor } from '@/scripts/stack/processes';

export type BenchEnv = StackEnv & Record<string, string> & { MEILI_INDEX: string; PROJECTOR_METRICS_PORT: string; LOG_LEVEL: string; NEXT_TELEMETRY_DISABLED: string };

/**
 * The bench's own stack: Postgres and Meilisearch on free loopback ports in a temporary
 * directory, the projector and the web server started when a phase needs them, all stopped
 * by their own process ids at the end.
 */
export class BenchStack {
  projector: ChildProcess | undefined;
  web: ChildProcess | undefined;
  webUrl = '';
  /** The bare tRPC baseline server (bench/baselines/bareTrpcServer.ts), while a phase measures it. */
  bareApi: ChildProcess | undefined;

  private constructor(
    readonly env: BenchEnv,
    /** The demo admin, for commands run in-process. */
    readonly admin: Actor,
    private readonly stopServices: () => Promise<void>,
    private readonly dataDir: string,
  ) {}

  static async start(log: (line: string) => void, postgresSettings: string[] = []): Promise<BenchStack> {
    buildWebIfStale(log);
    const dataDir = mkdtempSync(join(tmpdir(), 'storefront-bench-'));
    try {
      // A 1M-change backlog is more WAL than the local cluster's 1 GB slot limit: keep it all,
      // or the stopped projector's slot would be invalidated during the catch-up burst.
      const stack = await startLocalStack({ dataDir, pgPort: await freePort(), meiliPort: await freePort(), log: () => {}, postgresSettings: ['max_slot_wal_keep_size=16GB', ...postgresSettings] });
      const env: BenchEnv = {
        ...stack.env,
        MEILI_INDEX: 'products',
        PROJECTOR_METRICS_PORT: String(await freePort()),
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        NEXT_TELEMETRY_DISABLED: '1',
      };
      const write = createWriteDb(env.DATABASE_URL, { max: 1 });
      const admin = await seedStaff(write.db);
      await write.sql.end();
      return new BenchStack(env, admin, () => stack.stop(), dataDir);
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  startProjector(): ChildProcess {
    // Warnings and errors only (LOG_LEVEL=warn), on stderr: stdout carries the report.
    this.projector = startProjector(this.env);
    pipeWithPrefix(this.projector, '[projector]', process.stderr);
    return this.projector;
  }

  async stopProjector(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.projector) await stopGroup(this.projector, signal, 60_000);
    this.projector = undefined;
  }

  async startWeb(): Promise<void> {
    const web = await startWeb(this.env, { port: await freePort() });
    pipeWithPrefix(web.child, '[web]', process.stderr);
    this.web = web.child;
    this.webUrl = web.url;
  }

  /** The app's router behind tRPC's standalone server alone: the floor of an API call. */
  async startBareApi(): Promise<string> {
    const port = await freePort();
    const child = startDetached(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'baselines', 'bareTrpcServer.ts')], { cwd: ROOT, env: { ...webEnv(this.env), PORT: String(port) } });
    pipeWithPrefix(child, '[bare tRPC]', process.stderr);
    this.bareApi = child;
    const url = `http://127.0.0.1:${port}`;
    await waitFor('the bare tRPC server', async () => {
      if (child.exitCode !== null) throw new Error(`the bare tRPC server exited with ${child.exitCode}`);
      return (await fetch(`${url}/api/trpc/auth.me`)).status > 0;
    }, 60_000, 100);
    return url;
  }

  async stopBareApi(): Promise<void> {
    if (this.bareApi) await stopGroup(this.bareApi);
    this.bareApi = undefined;
  }

  async stop(): Promise<void> {
    await this.stopBareApi();
    await this.stopProjector();
    if (this.web) await stopGroup(this.web);
    await this.stopServices();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The projector on `port` answers its probe: `/healthz` it runs, `/readyz` it streams. */
export async function projectorAnswers(port: string | number, path: '/healthz' | '/readyz'): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

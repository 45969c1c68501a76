import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeWithPrefix, startDetached, stopGroup, waitFor } from './processes';

export const ROOT = join(import.meta.dirname, '..', '..');
const NEXT_BIN = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/** What the web server must not hold: the Meilisearch master key and other roles' credentials. */
const NOT_FOR_WEB = ['MEILI_MASTER_KEY', 'PROJECTOR_DATABASE_URL', 'PROJECTOR_READ_DATABASE_URL', 'ADMIN_DATABASE_URL', 'ADMIN_READ_DATABASE_URL'];

export function webEnv(env: Env): NodeJS.ProcessEnv {
  // Started here, the server speaks plain HTTP: Secure cookies only for requests a proxy says came over HTTPS.
  const merged: NodeJS.ProcessEnv = { SECURE_COOKIES: 'auto', ...process.env, ...env, NODE_ENV: 'production' };
  for (const name of NOT_FOR_WEB) delete merged[name];
  return merged;
}

type Env = Record<string, string | undefined>;

/** The projector as its own process: plain node with tsx's loader, so a signal reaches it directly. */
export function startProjector(env: Env, options: { prefix?: string; args?: string[] } = {}): ChildProcess {
  const child = startDetached(process.execPath, ['--import', 'tsx', join(ROOT, 'projector', 'main.ts'), ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  if (options.prefix) pipeWithPrefix(child, options.prefix);
  return child;
}

export async function startWeb(env: Env, options: { port: number; host?: string; prefix?: string }): Promise<{ child: ChildProcess; url: string }> {
  const host = options.host ?? '127.0.0.1';
  const child = startDetached(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'http', 'main.ts')], {
    cwd: ROOT,
    env: { ...webEnv(env), PORT: String(options.port), HOST: host },
  });
  if (options.prefix) pipeWithPrefix(child, options.prefix);
  const url = webUrl(options.port, host);
  try {
    await waitFor('the web server', async () => {
      if (child.exitCode !== null) throw new Error(`the web server exited with ${child.exitCode}`);
      return (await fetch(`${url}/login`)).ok;
    }, 60_000, 250);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { child, url };
}

export function webUrl(port: number, host = '127.0.0.1'): string {
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
}

const SOURCES = ['app', 'server', 'db', 'lib', 'projector', 'next.config.js', 'package-lock.json', 'tsconfig.json'];

/** `next build` when there is no build yet or a source file is newer than it. */
export function buildWebIfStale(log: (line: string) => void): void {
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  if (existsSync(buildId) && newestMtime(SOURCES.map((s) => join(ROOT, s))) <= statSync(buildId).mtimeMs) return;
  log('building the web app (next build)…');
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestMtime(readdirSync(path).map((name) => join(path, name))));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthHandler, isHealthPath, type HealthLog, type ReadinessCheck } from './health';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The handler on a real HTTP server, with checks the test controls and a log it can read. */
async function serve(checks: Record<string, ReadinessCheck>) {
  const lines: string[] = [];
  const log: HealthLog = { info: (msg: string) => lines.push(`info ${msg}`), warn: (_fields: object, msg: string) => lines.push(`warn ${msg}`) };
  const handle = createHealthHandler(checks, { timeoutMs: 200, log });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as unknown, cache: res.headers.get('cache-control') };
  };
  return { get, lines };
}

describe('health probes', () => {
  it('routes only /healthz and /readyz, query strings allowed', () => {
    expect(['/healthz', '/readyz', '/readyz?full=1'].every(isHealthPath)).toBe(true);
    expect(['/', '/healthz/x', '/api/trpc/healthz', '/readyzz'].some(isHealthPath)).toBe(false);
  });

  it('answers /healthz without asking the checks, and /readyz 200 when every check answers', async () => {
    let asked = 0;
    const { get } = await serve({ write: async () => void asked++, read: async () => undefined });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'live' }, cache: 'no-store' });
    expect(asked).toBe(0);
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' }, cache: 'no-store' });
    expect(asked).toBe(1);
  });

  it('answers /readyz 503 naming a check that fails, throws or does not answer in time, and logs only the changes', async () => {
    let failing = true;
    const { get, lines } = await serve({
      write: async () => {
        if (failing) throw new Error('connection refused');
      },
      read: () => {
        if (failing) throw new Error('thrown before any promise');
        return Promise.resolve();
      },
      search: () => (failing ? new Promise(() => {}) : Promise.resolve()),
    });
    const unavailable = { status: 503, body: { status: 'unavailable', failing: ['write', 'read', 'search'] }, cache: 'no-store' };
    expect(await get('/readyz')).toEqual(unavailable);
    expect(await get('/readyz')).toEqual(unavailable);
    expect((await get('/healthz')).status).toBe(200);
    failing = false;
    expect((await get('/readyz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    expect(lines).toEqual(['warn not ready', 'info ready again']);
  });
});

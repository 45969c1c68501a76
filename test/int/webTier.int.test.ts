import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWeb } from '@/scripts/stack/appProcesses';
import { freePort, stopGroup, waitFor } from '@/scripts/stack/processes';
import { loginAs } from '../support/api';

/** A web tier of several processes on one port: any of them serves any session, and a dead one is replaced. */
const env = inject('stackEnv');
let web: Awaited<ReturnType<typeof startWeb>>;

const workersOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);

beforeAll(async () => {
  web = await startWeb({ ...env, WEB_CONCURRENCY: '2' }, { port: await freePort() });
});

afterAll(async () => {
  await stopGroup(web.child);
});

describe('WEB_CONCURRENCY=2', () => {
  it('runs two workers that serve one session, and replaces a worker that dies', async () => {
    const primary = web.child.pid!;
    await waitFor('two web workers', async () => workersOf(primary).length === 2, 60_000, 200);
    const [first, second] = workersOf(primary);
    const { api } = await loginAs(web.url, 'viewer');
    for (let i = 0; i < 10; i++) expect((await api.auth.me.query()).user.role).toBe('viewer');

    process.kill(first!, 'SIGKILL');
    // Connections the client kept open to the killed worker fail once each; then the surviving
    // worker serves the session (it lives in Postgres).
    let inARow = 0;
    await waitFor('the other worker to answer', async () => {
      inARow = (await api.auth.me.query().then(() => true, () => false)) ? inARow + 1 : 0;
      return inARow >= 5;
    }, 10_000, 20);
    for (let i = 0; i < 10; i++) expect((await api.auth.me.query()).user.role).toBe('viewer');

    await waitFor('a replacement worker', async () => workersOf(primary).length === 2 && !workersOf(primary).includes(first!), 60_000, 200);
    expect(workersOf(primary)).toContain(second);
    // With the replacement up, calls on fresh connections (round-robin over both workers) all answer.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${web.url}/api/trpc/auth.me`, { headers: { connection: 'close' } }).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
  });
});

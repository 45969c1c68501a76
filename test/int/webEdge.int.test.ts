import { readFileSync } from 'node:fs';
import { Meilisearch } from 'meilisearch';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECTED_TABLES } from '@/db/write/schema';
import { wal2jsonOptions } from '@/projector/source/wal2json';
import { DEMO_USERS } from '@/scripts/seed/seedDemoData';
import { startWeb } from '@/scripts/stack/appProcesses';
import { freePort, stopGroup } from '@/scripts/stack/processes';
import { apiClient, errorOf, loginAs } from '../support/api';
import { readAnswer } from '../support/fuzz/calls';

/**
 * The web edge against hostile transport and abuse: cookies, bodies, batches, content types,
 * login floods, sessions, and the privileges each part holds. Regression tests for the
 * problems of issue 12, each failing on the code before it.
 */
const env = inject('stackEnv');
const webUrl = inject('webUrl');
const admin$ = postgres(env.ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
const [ADMIN, VIEWER] = DEMO_USERS;

const login = (baseUrl: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ json: body }) });
const sessionOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('sid='))!.split(';')[0]!;
const me = (cookie: string) => fetch(`${webUrl}/api/trpc/auth.me`, { headers: { cookie } });

afterAll(async () => {
  await admin$`delete from rate_limits`;
  await admin$.end();
});

describe('malformed and hostile cookies', () => {
  for (const cookie of ['sid=%', 'sid=%E0%A4%A', `sid=${'%'.repeat(3000)}`, 'sid=a; sid=b; sid=%zz', 'theme=%; sid=']) {
    it(`\`${cookie.slice(0, 30)}\` is no session: login still works and other calls answer 401, not 500`, async () => {
      const anonymous = await readAnswer(await me(cookie));
      expect(anonymous).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
      const res = await login(webUrl, { email: VIEWER.email, password: VIEWER.password }, { cookie });
      expect(res.status).toBe(200);
      expect((await me(sessionOf(res))).status).toBe(200);
      const page = await fetch(`${webUrl}/login`, { headers: { cookie } });
      expect(page.status).toBe(200);
    });
  }

  it('a cookie header too large for the server is refused with 431, and the server keeps serving', async () => {
    const res = await fetch(`${webUrl}/api/trpc/auth.me`, { headers: { cookie: `junk=${'x'.repeat(20_000)}` } });
    expect(res.status).toBe(431);
    expect((await me('')).status).toBe(401);
  });
});

describe('bodies, batches, methods and content types', () => {
  let adminCookie: string;
  beforeAll(async () => {
    adminCookie = (await loginAs(webUrl, 'admin')).cookie;
  });

  it('refuses a body over API_MAX_BODY_BYTES (1 MiB) with 413, declared or streamed', async () => {
    const huge = JSON.stringify({ json: { sku: 'HUGE-1', name: 'x', description: 'y'.repeat(2_000_000) } });
    const declared = await fetch(`${webUrl}/api/trpc/catalog.createProduct`, {
      method: 'POST',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      body: huge,
    });
    expect(declared.status).toBe(413);
    const streamed = await fetch(`${webUrl}/api/trpc/catalog.createProduct`, {
      method: 'POST',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await admin$`select count(*)::int as n from products where sku = 'HUGE-1'`)[0]!.n).toBe(0);
  });

  it('refuses a batch over API_MAX_BATCH (50) before running any of it', async () => {
    const paths = Array.from({ length: 51 }, () => 'auth.login').join(',');
    const input = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [i, { json: { email: ADMIN.email, password: 'wrong-password' } }]));
    const res = await fetch(`${webUrl}/api/trpc/${paths}?batch=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    expect(res.status).toBe(400);
    // Nothing ran: no attempt was counted against the account.
    expect(await admin$`select key from rate_limits where key like ${'%' + ADMIN.email}`).toHaveLength(0);
    const ok = await fetch(`${webUrl}/api/trpc/${Array.from({ length: 50 }, () => 'auth.me').join(',')}?batch=1&input={}`, { headers: { cookie: adminCookie } });
    expect(ok.status).toBe(200);
  });

  it('answers wrong methods, content types, paths and JSON with 4xx', async () => {
    const post = (path: string, body: string, contentType?: string) =>
      fetch(`${webUrl}/api/trpc/${path}`, { method: 'POST', headers: { cookie: adminCookie, ...(contentType && { 'content-type': contentType }) }, body });
    const statuses = [
      (await fetch(`${webUrl}/api/trpc/catalog.createCategory?input=${encodeURIComponent('{"json":{"name":"GET"}}')}`, { headers: { cookie: adminCookie } })).status,
      (await post('auth.me', '{}', 'application/json')).status,
      (await post('catalog.createCategory', 'name=x', 'application/x-www-form-urlencoded')).status,
      (await post('catalog.createCategory', '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--', 'multipart/form-data; boundary=b')).status,
      (await post('catalog.createCategory', '{"json":{"name":"text"}}', 'text/plain')).status,
      (await post('catalog.createCategory', '{"json":', 'application/json')).status,
      (await post('catalog.nope', '{}', 'application/json')).status,
      (await fetch(`${webUrl}/api/trpc/catalog.createCategory`, { method: 'PUT', headers: { cookie: adminCookie }, body: '{}' })).status,
      (await fetch(`${webUrl}/api/trpc/catalog.createCategory`, { method: 'DELETE', headers: { cookie: adminCookie } })).status,
      (await fetch(`${webUrl}/api/trpc`, { headers: { cookie: adminCookie } })).status,
    ];
    for (const status of statuses) expect(status, `statuses ${statuses.join(', ')}`).toBeGreaterThanOrEqual(400);
    for (const status of statuses) expect(status, `statuses ${statuses.join(', ')}`).toBeLessThan(500);
    expect(await admin$`select 1 from categories where name in ('GET', 'x', 'text')`).toHaveLength(0);
  });

  it('answers dates Postgres cannot store with 400 (they answered 500)', async () => {
    const { api } = await loginAs(webUrl, 'viewer');
    expect(await errorOf(api.analytics.salesDaily.query({ from: '0000-01-01', to: '0000-01-02' }))).toMatchObject({ httpStatus: 400 });
    expect(await errorOf(api.orders.list.query({ from: '0000-06-01' as unknown as Date }))).toMatchObject({ httpStatus: 400 });
    expect(await errorOf(api.orders.list.query({ from: '+010000-01-01T00:00:00Z' as unknown as Date }))).toMatchObject({ httpStatus: 400 });
    // The default `from` (29 days before `to`) stops at 0001-01-01 instead of reaching year 0.
    await expect(api.analytics.salesDaily.query({ to: '0001-01-05' })).resolves.toMatchObject({ from: '0001-01-01' });
  });

  it('refuses text Postgres cannot store (NUL, lone surrogates) with 400 and changes nothing', async () => {
    const { api } = await loginAs(webUrl, 'admin');
    for (const name of ['nul\u0000name', 'half \uD83D']) {
      expect(await errorOf(api.catalog.createCategory.mutate({ name }))).toMatchObject({ httpStatus: 400 });
    }
    expect(await errorOf(api.customers.list.query({ q: 'a\u0000' }))).toMatchObject({ httpStatus: 400 });
  });
});

describe('sessions', () => {
  it('a login ends the session the caller had: a session is never reused across logins', async () => {
    const first = sessionOf(await login(webUrl, { email: ADMIN.email, password: ADMIN.password }));
    const second = await login(webUrl, { email: ADMIN.email, password: ADMIN.password }, { cookie: first });
    expect(second.status).toBe(200);
    expect(sessionOf(second)).not.toBe(first);
    expect((await me(first)).status).toBe(401);
    expect((await me(sessionOf(second))).status).toBe(200);
  });

  it('"log out everywhere" ends every session of the user, and only theirs', async () => {
    const laptop = (await loginAs(webUrl, 'viewer')).cookie;
    const phone = (await loginAs(webUrl, 'viewer')).cookie;
    const otherUser = (await loginAs(webUrl, 'admin')).cookie;
    const res = await fetch(`${webUrl}/api/trpc/auth.logoutEverywhere`, { method: 'POST', headers: { cookie: phone, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/sid=;.*Max-Age=0/);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(401);
    expect((await me(otherUser)).status).toBe(200);
  });

  it('an expired session opens nothing', async () => {
    const cookie = (await loginAs(webUrl, 'viewer')).cookie;
    await admin$`update sessions set expires_at = now() - interval '1 second' where expires_at > now() and user_id = (select id from users where email = ${VIEWER.email})`;
    expect((await me(cookie)).status).toBe(401);
  });
});

describe('least privilege', () => {
  it("the web server's Meilisearch key can search the products index and nothing else", async () => {
    const key = env.MEILI_SEARCH_KEY;
    expect(key).not.toBe(env.MEILI_MASTER_KEY);
    // The index exists once a projector has run; this file runs none, so make sure it does.
    const master = new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY });
    await master.createIndex(env.MEILI_INDEX, { primaryKey: 'id' }).waitTask();
    const meili = new Meilisearch({ host: env.MEILI_URL, apiKey: key });
    await expect(meili.index(env.MEILI_INDEX).search('')).resolves.toHaveProperty('hits');
    const refusals = await Promise.allSettled([
      meili.index(env.MEILI_INDEX).addDocuments([{ id: 'evil' }]),
      meili.index(env.MEILI_INDEX).updateSettings({ searchableAttributes: ['id'] }),
      meili.index(env.MEILI_INDEX).getDocuments(),
      meili.deleteIndex(env.MEILI_INDEX),
      meili.getKeys(),
      meili.index('other').search(''),
    ]);
    for (const refusal of refusals) {
      expect(refusal.status).toBe('rejected');
      expect(String((refusal as PromiseRejectedResult).reason)).toMatch(/invalid_api_key|403|not.*authorized|index_not_found|The provided API key is invalid/i);
    }
  });

  it('the projector role reads only the tables it streams: no password hashes, sessions or login counters', async () => {
    const projector = postgres(env.PROJECTOR_DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      for (const table of ['staff_credentials', 'sessions', 'rate_limits']) {
        await expect(projector.unsafe(`select * from ${table} limit 1`)).rejects.toMatchObject({ code: '42501' });
      }
      await expect(projector`select id, email, name, role from users limit 1`).resolves.toBeDefined();
      await expect(projector`select count(*) from products`).resolves.toBeDefined();
    } finally {
      await projector.end();
    }
  });

  it('the replication stream the projector reads carries no password hash', async () => {
    expect(PROJECTED_TABLES).not.toContain('staff_credentials');
    const options = wal2jsonOptions(PROJECTED_TABLES);
    const slot = `edge_${process.pid}`;
    await admin$`select pg_create_logical_replication_slot(${slot}, 'wal2json', true)`;
    try {
      await admin$`update staff_credentials set password_hash = password_hash, updated_at = now()`;
      await admin$`update users set name = name`;
      const changes = await admin$<{ data: string }[]>`
        select data from pg_logical_slot_peek_changes(${slot}, null, null,
          'format-version', '2', 'include-transaction', 'false', 'add-tables', ${options.addTables})`;
      const text = changes.map((c) => c.data).join('\n');
      expect(text).toMatch(/"table":"users"/);
      expect(text).not.toMatch(/staff_credentials|password_hash|scrypt\$/);
    } finally {
      await admin$`select pg_drop_replication_slot(${slot})`;
    }
  });

  it('the journal is append-only for the command role', async () => {
    const command = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      await expect(command`update journal set command = 'forged' where id = (select min(id) from journal)`).rejects.toMatchObject({ code: '42501' });
      await expect(command`delete from journal where id = (select min(id) from journal)`).rejects.toMatchObject({ code: '42501' });
      await expect(command`truncate journal`).rejects.toMatchObject({ code: '42501' });
      await expect(command`select count(*) from journal`).resolves.toBeDefined();
    } finally {
      await command.end();
    }
  });
});

describe('a web server behind a trusted proxy, with tight login limits', () => {
  let child: Awaited<ReturnType<typeof startWeb>>['child'];
  let url: string;
  const from = (address: string, proto = 'http') => ({ 'x-forwarded-for': address, 'x-forwarded-proto': proto });

  beforeAll(async () => {
    const web = await startWeb(
      {
        ...env,
        TRUST_PROXY: '1',
        SECURE_COOKIES: 'auto',
        LOGIN_ATTEMPTS_PER_CLIENT_PER_MINUTE: '5',
        LOGIN_FAILURES_PER_ACCOUNT_PER_15_MINUTES: '3',
      },
      { port: await freePort() },
    );
    child = web.child;
    url = web.url;
  });

  afterAll(async () => {
    await stopGroup(child);
  });

  it('holds no Meilisearch master key nor any other role’s credentials', () => {
    const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
    const names = environ.map((line) => line.split('=')[0]);
    expect(names).toContain('MEILI_SEARCH_KEY');
    for (const name of ['MEILI_MASTER_KEY', 'PROJECTOR_DATABASE_URL', 'ADMIN_DATABASE_URL']) expect(names).not.toContain(name);
    expect(environ.join('\n')).not.toContain(env.MEILI_MASTER_KEY);
  });

  it('a flood of logins from one client is cut at its limit with 429 and Retry-After, without hashing the rest', async () => {
    const batch = Array.from({ length: 40 }, (_, i) => ({ json: { email: `nobody${i}@example.com`, password: 'guess' } }));
    const paths = batch.map(() => 'auth.login').join(',');
    const res = await fetch(`${url}/api/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from('198.51.100.1') },
      body: JSON.stringify(Object.fromEntries(batch.map((b, i) => [i, b]))),
    });
    const answers = (await res.json()) as { error?: { json: { data: { code: string } } } }[];
    const codes = answers.map((a) => a.error?.json.data.code);
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(35);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not held up by the first one's limit.
    const other = await login(url, { email: ADMIN.email, password: ADMIN.password }, from('198.51.100.2'));
    expect(other.status).toBe(200);
  });

  it('a client cannot pick its own address: only the trusted proxy’s entry counts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await login(url, { email: `spoof${i}@example.com`, password: 'guess' }, { 'x-forwarded-for': `10.9.9.${i}, 198.51.100.3` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('failed logins lock the account from every client; a success forgives earlier failures', async () => {
    const attempt = (password: string, client: string) => login(url, { email: VIEWER.email, password }, from(client));
    expect((await attempt('wrong', '203.0.113.1')).status).toBe(401);
    expect((await attempt('wrong', '203.0.113.2')).status).toBe(401);
    expect((await attempt(VIEWER.password, '203.0.113.3')).status).toBe(200);
    for (const client of ['203.0.113.4', '203.0.113.5', '203.0.113.6']) expect((await attempt('wrong', client)).status).toBe(401);
    const locked = await attempt(VIEWER.password, '203.0.113.7');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await readAnswer(locked)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await admin$`delete from rate_limits where key like ${'%' + VIEWER.email}`;
    expect((await attempt(VIEWER.password, '203.0.113.8')).status).toBe(200);
  });

  it('the session cookie is Secure when the proxy says the request came over HTTPS, not otherwise', async () => {
    const https = await login(url, { email: ADMIN.email, password: ADMIN.password }, from('198.51.100.20', 'https'));
    expect(https.headers.getSetCookie().find((c) => c.startsWith('sid='))).toMatch(/; Secure/);
    const http = await login(url, { email: ADMIN.email, password: ADMIN.password }, from('198.51.100.21', 'http'));
    expect(http.headers.getSetCookie().find((c) => c.startsWith('sid='))).not.toMatch(/Secure/);
    // The shared test server trusts no proxy: a forged X-Forwarded-Proto changes nothing there.
    const direct = await login(webUrl, { email: ADMIN.email, password: ADMIN.password }, { 'x-forwarded-proto': 'https' });
    expect(direct.headers.getSetCookie().find((c) => c.startsWith('sid='))).not.toMatch(/Secure/);
  });

  it('a typed client still works against it', async () => {
    const res = await login(url, { email: VIEWER.email, password: VIEWER.password }, from('198.51.100.30'));
    const api = apiClient(url, sessionOf(res));
    expect((await api.auth.me.query()).user.email).toBe(VIEWER.email);
  });
});

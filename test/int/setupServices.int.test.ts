import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { searchKeyUid } from '@/scripts/stack/meiliKeys';
import { freePort, stopGroup } from '@/scripts/stack/processes';
import { withDatabase } from '@/scripts/stack/provision';
import { apiClient, loginAs } from '../support/api';
import { bareEnv, runNpmScript, startNpmWeb } from '../support/npmScripts';
import { writeModelFingerprint } from '../support/writeModel';

/**
 * `npm run setup` and `npm run web` as an operator runs them, against databases of their own on
 * the test stack's servers. Roles are shared by the whole cluster, so setup gets the passwords
 * the stack's roles already have (other test files log in with them): from its own secrets
 * file, and one from the environment.
 */
const env = inject('stackEnv');
const DATABASES = { write: 'shop_setup_test', read: 'shop_setup_test_read' };
const INDEX = 'setup_test_products';
const SEED_PRODUCTS = 10;
const dir = mkdtempSync(join(tmpdir(), 'setup-services-'));
const files = { secrets: join(dir, 'secrets.json'), web: join(dir, 'web', 'web.env'), projector: join(dir, 'projector', 'projector.env') };
const admin = { write: withDatabase(env.ADMIN_DATABASE_URL, DATABASES.write), read: withDatabase(env.ADMIN_DATABASE_URL, DATABASES.read) };
const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
const server = postgres(withDatabase(env.ADMIN_DATABASE_URL, 'postgres'), { max: 1, onnotice: () => {} });
const webs: ChildProcess[] = [];

const setupEnv = bareEnv({
  DATABASE_URL: admin.write,
  READ_DATABASE_URL: admin.read,
  MEILI_URL: env.MEILI_URL,
  MEILI_MASTER_KEY: env.MEILI_MASTER_KEY,
  MEILI_INDEX: INDEX,
  SHOP_PROJECTOR_PASSWORD: passwordOf(env.PROJECTOR_DATABASE_URL),
  SECRETS_FILE: files.secrets,
  WEB_ENV_FILE: files.web,
  PROJECTOR_ENV_FILE: files.projector,
  LOG_LEVEL: 'info',
});
writeFileSync(
  files.secrets,
  JSON.stringify({ commandPassword: passwordOf(env.DATABASE_URL), queryPassword: passwordOf(env.READ_DATABASE_URL), projectorPassword: 'not-used-the-environment-wins' }),
  { mode: 0o600 },
);

afterAll(async () => {
  for (const web of webs) await stopGroup(web);
  for (const name of Object.values(DATABASES)) await server.unsafe(`drop database if exists ${name} with (force)`);
  await server.end();
  await meili(`/keys/${searchKeyUid(INDEX)}`, { method: 'DELETE' });
  rmSync(dir, { recursive: true, force: true });
});

async function setup(...args: string[]): Promise<string> {
  const { code, output } = await runNpmScript('setup', args, { ...setupEnv, SEED_PRODUCTS: String(SEED_PRODUCTS) });
  expect(code, output).toBe(0);
  return output;
}

function meili(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${env.MEILI_URL}${path}`, { ...init, headers: { Authorization: `Bearer ${env.MEILI_MASTER_KEY}` } });
}

/** Everything setup decides: write model rows, roles with their stored passwords, privileges, migrations, search keys, its files. */
async function setupState() {
  const write = postgres(admin.write, { max: 1, onnotice: () => {} });
  const read = postgres(admin.read, { max: 1, onnotice: () => {} });
  try {
    const privileges = (sql: postgres.Sql) => sql`
      select c.relname, c.relowner::regrole::text as owner, c.relacl::text as acl from pg_class c
      where c.relnamespace = 'public'::regnamespace order by c.relname`;
    return {
      writeModel: await writeModelFingerprint(write),
      roles: await server`
        select rolname, rolcanlogin, rolreplication, rolsuper, rolcreatedb, rolcreaterole, rolpassword
        from pg_authid where rolname like 'shop\\_%' order by rolname`,
      databases: await server`select datname, datacl::text from pg_database where datname in ${server(Object.values(DATABASES))} order by datname`,
      writePrivileges: await privileges(write),
      readPrivileges: await privileges(read),
      defaultPrivileges: await read`select defaclrole::regrole::text, defaclacl::text from pg_default_acl`,
      migrations: [await write`select hash from drizzle.__drizzle_migrations order by id`, await read`select hash from drizzle.__drizzle_migrations order by id`],
      keys: ((await (await meili('/keys?limit=1000')).json()) as { results: unknown[] }).results,
      files: Object.values(files).map((file) => ({ file, text: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs, mode: statSync(file).mode & 0o777 })),
    };
  } finally {
    await write.end();
    await read.end();
  }
}

const envFile = (file: string) => parseEnv(readFileSync(file, 'utf8'));
const roleAndDatabase = (url: string) => [new URL(url).username, new URL(url).pathname.slice(1)];

describe('npm run setup', () => {
  it('names what is missing or malformed and exits with 2, changing nothing', async () => {
    const missing = await runNpmScript('setup', [], { ...setupEnv, MEILI_MASTER_KEY: undefined, DATABASE_URL: 'mysql://x/y' });
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL[\s\S]*MEILI_MASTER_KEY: is not set/);
    const unknown = await runNpmScript('setup', ['--seeed'], setupEnv);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('Unknown argument --seeed');
    expect(await server`select 1 from pg_database where datname in ${server(Object.values(DATABASES))}`).toHaveLength(0);
  });

  it('prepares both databases, the roles and the search key, seeds once, and writes each service only its own settings; a second run changes nothing', async () => {
    await setup('--seed');
    const first = await setupState();

    const web = envFile(files.web);
    const projector = envFile(files.projector);
    expect(Object.keys(web).sort()).toEqual(['DATABASE_URL', 'MEILI_INDEX', 'MEILI_SEARCH_KEY', 'MEILI_URL', 'READ_DATABASE_URL']);
    expect(Object.keys(projector).sort()).toEqual(['MEILI_INDEX', 'MEILI_MASTER_KEY', 'MEILI_URL', 'PROJECTOR_DATABASE_URL', 'PROJECTOR_READ_DATABASE_URL']);
    expect(roleAndDatabase(web.DATABASE_URL!)).toEqual(['shop_command', DATABASES.write]);
    expect(roleAndDatabase(web.READ_DATABASE_URL!)).toEqual(['shop_query', DATABASES.read]);
    expect(roleAndDatabase(projector.PROJECTOR_DATABASE_URL!)).toEqual(['shop_projector', DATABASES.write]);
    expect(roleAndDatabase(projector.PROJECTOR_READ_DATABASE_URL!)).toEqual(['shop_projector', DATABASES.read]);
    // The stack's passwords: other test files' roles keep working.
    expect(passwordOf(web.DATABASE_URL!)).toBe(passwordOf(env.DATABASE_URL));
    expect(passwordOf(projector.PROJECTOR_DATABASE_URL!)).toBe(passwordOf(env.PROJECTOR_DATABASE_URL));
    expect(projector).toMatchObject({ MEILI_MASTER_KEY: env.MEILI_MASTER_KEY, MEILI_INDEX: INDEX });
    for (const { mode } of first.files) expect(mode).toBe(0o600);

    const searchKey = (await (await meili(`/keys/${searchKeyUid(INDEX)}`)).json()) as { key: string; actions: string[]; indexes: string[] };
    expect(searchKey).toMatchObject({ key: web.MEILI_SEARCH_KEY, actions: ['search'], indexes: [INDEX] });

    const counts = postgres(web.DATABASE_URL!, { max: 1 });
    try {
      const [row] = await counts<{ users: number; products: number }[]>`
        select (select count(*)::int from users) as users, (select count(*)::int from products) as products`;
      expect(row).toEqual({ users: 2, products: SEED_PRODUCTS });
    } finally {
      await counts.end();
    }

    const output = await setup('--seed');
    expect(output).toContain('demo data already there');
    expect(await setupState()).toEqual(first);
  });
});

describe('npm run web, two processes started from the settings setup wrote', () => {
  it('serve one session: logged in on one, known to the other; both live and ready', async () => {
    const webEnv = bareEnv({ ENV_FILE: files.web, WEB_CONCURRENCY: '1', LOG_LEVEL: 'warn' });
    const [a, b] = await Promise.all([startNpmWeb(webEnv, await freePort()), startNpmWeb(webEnv, await freePort())]);
    webs.push(a!.child, b!.child);

    for (const { url } of [a!, b!]) {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    }
    const { cookie } = await loginAs(a!.url, 'admin');
    expect((await apiClient(b!.url, cookie).auth.me.query()).user.email).toBe('admin@example.com');
    await apiClient(b!.url, cookie).auth.logout.mutate();
    expect((await fetch(`${a!.url}/api/trpc/auth.me`, { headers: { cookie } })).status).toBe(401);
  });

  it('answers /readyz 503 while its write database is unreachable, and stays live', async () => {
    const closed = await freePort();
    const unreachable = new URL(envFile(files.web).DATABASE_URL!);
    unreachable.port = String(closed);
    // A real environment variable wins over ENV_FILE.
    const web = await startNpmWeb(bareEnv({ ENV_FILE: files.web, WEB_CONCURRENCY: '1', LOG_LEVEL: 'error', DATABASE_URL: unreachable.toString() }), await freePort());
    webs.push(web.child);

    expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${web.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', failing: ['write'] }]);
  });
});

import postgres from 'postgres';
import { PROJECTED_TABLES } from '@/db/write/schema';
import { matchesStoredPassword } from './storedPassword';

export const ROLES = {
  command: 'shop_command',
  query: 'shop_query',
  projector: 'shop_projector',
} as const;

export interface RolePasswords {
  command: string;
  query: string;
  projector: string;
}

export interface AdminUrls {
  /** `shop` as a role that may create databases and roles (superuser locally). */
  write: string;
  /** `shop_read` as the same kind of role. */
  read: string;
}

export interface AppUrls {
  DATABASE_URL: string;
  READ_DATABASE_URL: string;
  PROJECTOR_DATABASE_URL: string;
  PROJECTOR_READ_DATABASE_URL: string;
}

const quiet = { onnotice: () => {}, max: 1 };

/** Create `shop` and `shop_read` on the server of `adminUrl` when they do not exist yet. */
export async function ensureDatabases(adminUrl: string, names: { write: string; read: string }): Promise<void> {
  const sql = postgres(withDatabase(adminUrl, 'postgres'), quiet);
  try {
    for (const name of [names.write, names.read]) {
      const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
      if (!exists) await sql.unsafe(`create database ${quoteIdent(name)}`);
    }
  } finally {
    await sql.end();
  }
}

/**
 * Least privilege, re-applied after every migration so new tables are covered:
 * - shop_command: reads and writes the write model, cannot connect to shop_read; the journal
 *   (the audit trail) is append-only for it: no UPDATE, DELETE or TRUNCATE;
 * - shop_query: reads shop_read only;
 * - shop_projector: REPLICATION + SELECT on the tables it streams (PROJECTED_TABLES: not
 *   credentials, sessions or rate limits) and INSERT on projector_requests, for its CLI;
 *   owns the shop_read tables (a rebuild renames a fresh table in).
 */
export async function provisionRoles(admin: AdminUrls, passwords: RolePasswords): Promise<void> {
  const write = postgres(admin.write, quiet);
  const read = postgres(admin.read, quiet);
  try {
    const writeDb = (await write`select current_database() as db`)[0]!.db as string;
    const readDb = (await read`select current_database() as db`)[0]!.db as string;
    await ensureRole(write, ROLES.command, passwords.command, false);
    await ensureRole(write, ROLES.query, passwords.query, false);
    await ensureRole(write, ROLES.projector, passwords.projector, true);

    await write.unsafe(`
      revoke all on database ${quoteIdent(writeDb)} from public;
      revoke all on database ${quoteIdent(readDb)} from public;
      grant connect on database ${quoteIdent(writeDb)} to ${ROLES.command}, ${ROLES.projector};
      grant connect on database ${quoteIdent(readDb)} to ${ROLES.query}, ${ROLES.projector};
      revoke create on schema public from public;
      grant usage on schema public to ${ROLES.command}, ${ROLES.projector};
      grant select, insert, update, delete on all tables in schema public to ${ROLES.command};
      revoke update, delete, truncate on journal from ${ROLES.command};
      grant usage, select on all sequences in schema public to ${ROLES.command};
      revoke all on all tables in schema public from ${ROLES.projector};
      grant select on ${PROJECTED_TABLES.map(quoteIdent).join(', ')} to ${ROLES.projector};
      grant insert on projector_requests to ${ROLES.projector};
    `);
    await read.unsafe(`
      revoke create on schema public from public;
      grant usage on schema public to ${ROLES.query};
      grant usage, create on schema public to ${ROLES.projector};
      grant select on all tables in schema public to ${ROLES.query};
      grant select, insert, update, delete, truncate on all tables in schema public to ${ROLES.projector};
      grant usage, select on all sequences in schema public to ${ROLES.projector};
      alter default privileges for role ${ROLES.projector} in schema public grant select on tables to ${ROLES.query};
    `);
    // The projector owns the read model: a rebuild builds a table beside the live one and renames it in.
    const tables = await read<{ name: string }[]>`
      select tablename as name from pg_tables where schemaname = 'public' and tableowner <> ${ROLES.projector}`;
    for (const { name } of tables) await read.unsafe(`alter table ${quoteIdent(name)} owner to ${ROLES.projector}`);
  } finally {
    await write.end();
    await read.end();
  }
}

/**
 * Create the role, or bring an existing one to these attributes and password. A role that has
 * them already is left alone (no catalog write), so a second setup changes nothing; that needs
 * the stored password, which only a superuser may read: otherwise the password is set again.
 */
async function ensureRole(sql: postgres.Sql, name: string, password: string, replication: boolean): Promise<void> {
  const [current] = await sql<{ login: boolean; replication: boolean }[]>`
    select rolcanlogin as login, rolreplication as replication from pg_roles where rolname = ${name}`;
  const hasAttributes = current?.login && (current.replication || !replication);
  if (hasAttributes && matchesStoredPassword(await storedPassword(sql, name), name, password)) return;
  // Passwords are generated base64url text: no quotes to escape, but escape anyway.
  const attributes = `login ${replication ? 'replication ' : ''}password '${password.replace(/'/g, "''")}'`;
  await sql.unsafe(`${current ? 'alter' : 'create'} role ${name} ${attributes}`);
}

async function storedPassword(sql: postgres.Sql, name: string): Promise<string | null> {
  const [me] = await sql<{ superuser: boolean }[]>`select rolsuper as superuser from pg_roles where rolname = current_user`;
  if (!me?.superuser) return null;
  const [role] = await sql<{ password: string | null }[]>`select rolpassword as password from pg_authid where rolname = ${name}`;
  return role?.password ?? null;
}

export function appUrls(admin: AdminUrls, passwords: RolePasswords): AppUrls {
  return {
    DATABASE_URL: withCredentials(admin.write, ROLES.command, passwords.command),
    READ_DATABASE_URL: withCredentials(admin.read, ROLES.query, passwords.query),
    PROJECTOR_DATABASE_URL: withCredentials(admin.write, ROLES.projector, passwords.projector),
    PROJECTOR_READ_DATABASE_URL: withCredentials(admin.read, ROLES.projector, passwords.projector),
  };
}

/** The admin URLs `DATABASE_URL` and `READ_DATABASE_URL` name; the read database defaults to `shop_read` beside the write one. */
export function adminUrls(databaseUrl: string, readDatabaseUrl: string | undefined): AdminUrls {
  return { write: databaseUrl, read: readDatabaseUrl ?? withDatabase(databaseUrl, 'shop_read') };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = encodeURIComponent(password);
  return u.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

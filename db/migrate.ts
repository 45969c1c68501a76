import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

const folder = (name: 'write' | 'read') => fileURLToPath(new URL(`./migrations/${name}`, import.meta.url));

/** Apply pending drizzle migrations; run from one process before anything else starts. */
export async function migrateDatabases(urls: { write: string; read: string }): Promise<void> {
  for (const [name, url] of [['write', urls.write], ['read', urls.read]] as const) {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(sql), { migrationsFolder: folder(name) });
    } finally {
      await sql.end();
    }
  }
}

import postgres from 'postgres';
import { afterAll } from 'vitest';

/** Superuser connections to the write and the read database, closed after the file's tests. */
export function adminDatabases(env: { ADMIN_DATABASE_URL: string; ADMIN_READ_DATABASE_URL: string }, max: { write: number; read: number }) {
  const writeDb = postgres(env.ADMIN_DATABASE_URL, { max: max.write, onnotice: () => {} });
  const readDb = postgres(env.ADMIN_READ_DATABASE_URL, { max: max.read, onnotice: () => {} });
  afterAll(async () => {
    await writeDb.end();
    await readDb.end();
  });
  return { writeDb, readDb };
}

import postgres from 'postgres';
import { afterAll } from 'vitest';
import { createWriteDb } from '@/db/clients';
import type { CommandDeps } from '@/server/commands/runCommand';

/**
 * What a file calling command handlers directly works with: the write database as the web app
 * reaches it (`write`, `deps`) and a superuser connection (`admin$`) to look at what the commands
 * wrote. Both are closed after the file's tests.
 */
export function commandDatabase(env: { DATABASE_URL: string; ADMIN_DATABASE_URL: string }, options: Parameters<typeof createWriteDb>[1] = {}) {
  const write = createWriteDb(env.DATABASE_URL, options);
  const admin$ = postgres(env.ADMIN_DATABASE_URL, { max: 2, onnotice: () => {} });
  const deps: CommandDeps = { db: write.db };
  afterAll(async () => {
    await write.sql.end();
    await admin$.end();
  });
  return { write, admin$, deps };
}

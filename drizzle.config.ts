import { defineConfig } from 'drizzle-kit';

/**
 * Two databases, two migration folders. `drizzle-kit generate` here covers the write
 * database; `drizzle.read.config.ts` covers the read database (see `npm run db:generate`).
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/write/schema.ts',
  out: './db/migrations/write',
  dbCredentials: { url: process.env.MIGRATE_DATABASE_URL ?? 'postgres://localhost/shop' },
});

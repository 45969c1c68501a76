import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/read/schema.ts',
  out: './db/migrations/read',
  dbCredentials: { url: process.env.MIGRATE_READ_DATABASE_URL ?? 'postgres://localhost/shop_read' },
});

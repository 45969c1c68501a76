import postgres from 'postgres';
import { customerSummaries as customerTable, orderSummaries as orderTable, productSummaries as productTable, salesDaily as salesTable } from '@/db/read/schema';
import { pagesOf } from '@/projector/buildPages';
import { customerSummaries } from '@/projector/projections/customerSummaries';
import { orderSummaries } from '@/projector/projections/orderSummaries';
import { productSummaries } from '@/projector/projections/productSummaries';
import { salesDaily } from '@/projector/projections/salesDaily';
import type { SqlProjection } from '@/projector/projections/types';
import { insertRows } from '@/projector/readRows';
import { ROLES } from '@/scripts/stack/provision';

/**
 * Bench only. The schema, inside the WRITE database, that holds the synchronous baseline's
 * copies of the read tables the benchmarked commands change. None of these names exists in
 * the write schema, so `search_path = bench_sync, public` sends read tables here and write
 * tables to `public`.
 */
export const SYNC_SCHEMA = 'bench_sync';
export const SYNC_SEARCH_PATH = `${SYNC_SCHEMA}, public`;

/** The projections the baseline keeps in step, in the order the projector applies them. */
export const SYNC_PROJECTIONS: readonly SqlProjection[] = [productSummaries, orderSummaries, customerSummaries, salesDaily];

/**
 * Create `bench_sync` afresh with the read tables' exact DDL (generated from db/read/schema.ts
 * by drizzle-kit, as the read migrations are), fill it from the current write model with the
 * projections' own paging queries, and let the command role use it.
 */
export async function prepareSyncReadModels(adminWriteUrl: string): Promise<void> {
  const sql = postgres(adminWriteUrl, { max: 1, onnotice: () => {} });
  try {
    const ddl = await readTablesDdl();
    await sql.begin(async (tx) => {
      await tx.unsafe(`drop schema if exists ${SYNC_SCHEMA} cascade`);
      await tx.unsafe(`create schema ${SYNC_SCHEMA}`);
      await tx.unsafe(`set local search_path = ${SYNC_SEARCH_PATH}`);
      for (const statement of ddl) await tx.unsafe(statement);
      await tx.unsafe(`
        grant usage on schema ${SYNC_SCHEMA} to ${ROLES.command};
        grant select, insert, delete on all tables in schema ${SYNC_SCHEMA} to ${ROLES.command}`);
    });
    await fill(sql);
    await sql.unsafe(SYNC_PROJECTIONS.map((p) => `analyze ${SYNC_SCHEMA}.${p.table}`).join(';\n'));
  } finally {
    await sql.end();
  }
}

/** One repeatable-read snapshot of the write model, as the projector's initial load reads it. */
async function fill(sql: postgres.Sql): Promise<void> {
  await sql.begin('isolation level repeatable read', async (tx) => {
    await tx.unsafe(`set local search_path = ${SYNC_SEARCH_PATH}`);
    for (const projection of SYNC_PROJECTIONS) {
      for await (const rows of pagesOf(projection, tx)) await insertRows(tx, projection, projection.table, rows);
    }
  });
}

/** CREATE TABLE / CREATE INDEX statements, unqualified, for the four read tables. */
async function readTablesDdl(): Promise<string[]> {
  // drizzle-kit is a dev dependency and slow to load: only the bench's setup needs it.
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  const tables = { productTable, orderTable, customerTable, salesTable };
  const statements = await generateMigration(generateDrizzleJson({}), generateDrizzleJson(tables));
  const qualified = statements.find((s) => /"public"\./.test(s));
  if (qualified) throw new Error(`read table DDL names a schema, so it would not land in ${SYNC_SCHEMA}: ${qualified}`);
  return statements;
}

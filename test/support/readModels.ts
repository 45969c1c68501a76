import { Meilisearch } from 'meilisearch';
import postgres from 'postgres';
import { expect } from 'vitest';
import { pagesOf } from '@/projector/buildPages';
import { toSearchDocument } from '@/projector/projections/productSearch/document';
import { productSummaries } from '@/projector/projections/productSummaries';
import { SQL_PROJECTION_LIST } from '@/projector/projections/registry';
import type { Row, SqlProjection } from '@/projector/projections/types';
import { waitForCheckpoints } from './projector';

export interface ModelComparison {
  expected: Row[];
  actual: Row[];
}

const sortKey = (p: SqlProjection) => (r: Row) => `${String(r[p.keyColumn])}|${String(r.currency ?? '')}`;
const byKey = (p: SqlProjection) => (a: Row, b: Row) => sortKey(p)(a).localeCompare(sortKey(p)(b));

/**
 * What the read models must hold, computed from the write model the way a fresh rebuild
 * would, next to what they do hold: every SQL read model row by row, and every search
 * document. Tests compare the two.
 */
export async function compareWithWriteModel(env: { ADMIN_DATABASE_URL: string; ADMIN_READ_DATABASE_URL: string; MEILI_URL: string; MEILI_MASTER_KEY: string; MEILI_INDEX: string }) {
  const write = postgres(env.ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  const read = postgres(env.ADMIN_READ_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const sql: Record<string, ModelComparison> = {};
    await write.begin('isolation level repeatable read read only', async (snapshot) => {
      for (const projection of SQL_PROJECTION_LIST) {
        const expected: Row[] = [];
        for await (const rows of pagesOf(projection, snapshot, 5000)) expected.push(...rows);
        const columns = projection.columns.map((c) => (c === projection.keyColumn && projection.keyType !== 'uuid' ? `"${c}"::text as "${c}"` : `"${c}"`));
        const actual = await read.unsafe<Row[]>(`select ${columns.join(', ')} from "${projection.table}"`);
        sql[projection.name] = { expected: expected.sort(byKey(projection)), actual: [...actual].sort(byKey(projection)) };
      }
    });
    const products = sql[productSummaries.name]!.expected;
    const meili = new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY });
    const actualDocs = (await allDocuments(meili, env.MEILI_INDEX)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    return {
      sql,
      search: { expected: products.map(toSearchDocument), actual: actualDocs },
    };
  } finally {
    await write.end();
    await read.end();
  }
}

/** Every document of the index, page by page (one request of 100,000 cut a soak's larger index short). */
async function allDocuments(meili: Meilisearch, indexUid: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  const limit = 20_000;
  for (let offset = 0; ; offset += limit) {
    const page = await meili.index(indexUid).getDocuments({ limit, offset });
    all.push(...(page.results as Record<string, unknown>[]));
    if (page.results.length < limit) return all;
  }
}

/**
 * Waits until every projection has applied everything written so far, then asserts every SQL
 * read model and every search document equals a fresh computation from the write model.
 */
export async function expectConverged(
  env: Parameters<typeof compareWithWriteModel>[0],
  projector: { running: boolean; start(): void; output: string[] },
  timeoutMs: number,
) {
  if (!projector.running) projector.start();
  const write = postgres(env.ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  const position = await write<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`.finally(() => write.end());
  await waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, position[0]!.lsn, timeoutMs).catch((error: unknown) => {
    throw new Error(`${String(error)}\nprojector output:\n${projector.output.slice(-15).join('')}`);
  });
  const models = await compareWithWriteModel(env);
  for (const [name, model] of Object.entries(models.sql)) {
    expect(model.actual.length, `${name} row count`).toBe(model.expected.length);
    expect(model.actual, name).toEqual(model.expected);
  }
  expect(models.search.actual).toEqual(models.search.expected);
  return models;
}

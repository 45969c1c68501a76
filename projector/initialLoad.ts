import type { Meilisearch } from 'meilisearch';
import type postgres from 'postgres';
import type { ReadDb } from '@/db/clients';
import { categoryTree, productSummaries } from '@/db/read/schema';
import type { Logger } from '@/lib/logger';
import { saveCheckpoints, SQL_PROJECTIONS } from './checkpoints';
import { applyCategoryTree } from './projections/categoryTree/apply';
import { loadCategoryTree } from './projections/categoryTree/load';
import { assertSucceeded, ensureProductIndex } from './projections/productSearch/document';
import { PRODUCT_SEARCH, toSearchDocument } from './projections/productSearch/sink';
import { applyProductSummaries } from './projections/productSummaries/apply';
import { pageProductSummaries, type Source } from './projections/productSummaries/load';
import { progressReporter } from './progress';

const PAGE = 2000;
const TASK_TIMEOUT_MS = 300_000;

export interface LoadDeps {
  source: postgres.Sql;
  read: ReadDb;
  meili: Meilisearch;
  indexUid: string;
  log: Logger;
}

/**
 * Builds every read model from one snapshot of the write model, then records `lsn` (the
 * snapshot's position in the stream) as every checkpoint. SQL tables are replaced in one
 * read-DB transaction; the search index is built beside the live one and swapped in, so
 * queries keep answering from the old state until the new one is complete.
 */
export async function loadFromSnapshot(deps: LoadDeps, snapshot: { name: string; lsn: string }): Promise<void> {
  await deps.source.begin('isolation level repeatable read read only', async (tx) => {
    await tx.unsafe(`set transaction snapshot '${snapshot.name.replace(/'/g, "''")}'`);
    const [row] = await tx<{ count: number }[]>`select count(*)::int as count from products`;
    const count = row?.count ?? 0;
    deps.log.info({ products: count, lsn: snapshot.lsn }, 'initial load: reading the write model snapshot');
    await loadSqlProjections(deps, tx, count, snapshot.lsn);
    await buildSearchIndex(deps, tx, count);
  });
  await saveCheckpoints(deps.read, [PRODUCT_SEARCH], snapshot.lsn, null);
  deps.log.info({ lsn: snapshot.lsn }, 'initial load: done, streaming from the snapshot position');
}

async function loadSqlProjections(deps: LoadDeps, tx: Source, total: number, lsn: string): Promise<void> {
  const progress = progressReporter(deps.log, 'initial load: summaries', total);
  await deps.read.transaction(async (readTx) => {
    await readTx.delete(productSummaries);
    await readTx.delete(categoryTree);
    for await (const rows of pages(tx)) {
      await applyProductSummaries(readTx, [], rows);
      progress.advance(rows.length);
    }
    await applyCategoryTree(readTx, await loadCategoryTree(tx));
    await saveCheckpoints(readTx, SQL_PROJECTIONS, lsn, null);
  });
  progress.done();
}

/** A new index filled page by page, then swapped with the live one (which it creates if missing). */
export async function buildSearchIndex(deps: LoadDeps, tx: Source, total: number): Promise<void> {
  const buildUid = `${deps.indexUid}_build_${Date.now()}`;
  await ensureProductIndex(deps.meili, deps.indexUid);
  await ensureProductIndex(deps.meili, buildUid);
  const progress = progressReporter(deps.log, 'initial load: search index', total);
  try {
    for await (const rows of pages(tx)) {
      const task = await deps.meili.index(buildUid).addDocuments(rows.map(toSearchDocument), { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS });
      assertSucceeded(task);
      progress.advance(rows.length);
    }
    assertSucceeded(await deps.meili.swapIndexes([{ indexes: [deps.indexUid, buildUid], rename: false }]).waitTask({ timeout: TASK_TIMEOUT_MS }));
  } finally {
    await deps.meili.deleteIndex(buildUid).waitTask({ timeout: TASK_TIMEOUT_MS }).catch(() => {});
  }
  progress.done();
}

async function* pages(tx: Source) {
  let after: string | null = null;
  for (;;) {
    const rows = await pageProductSummaries(tx, after, PAGE);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.id;
  }
}

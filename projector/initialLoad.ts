import type { Meilisearch } from 'meilisearch';
import type postgres from 'postgres';
import { PRODUCT_SEARCH, SQL_PROJECTIONS } from '@/db/read/projections';
import type { Logger } from '@/lib/logger';
import type { PayloadBudget } from './projections/productSearch/payloadBudget';
import { TaskWindow } from './projections/productSearch/taskWindow';
import { pagesOf } from './buildPages';
import { resetCheckpoints, saveCheckpoints } from './checkpoints';
import type { SystemIdentity } from './source/slot';
import { recordLoadedFrom } from './sourceIdentity';
import { progressReporter } from './progress';
import { assertSucceeded, ensureProductIndex, toSearchDocument } from './projections/productSearch/document';
import { productSummaries } from './projections/productSummaries';
import { SQL_PROJECTION_LIST } from './projections/registry';
import type { Source } from './projections/types';
import { recordDeadLetter } from './deadLetters';
import { insertRows } from './readRows';

const TASK_TIMEOUT_MS = 300_000;

export interface LoadDeps {
  source: postgres.Sql;
  read: postgres.Sql;
  meili: Meilisearch;
  indexUid: string;
  log: Logger;
  budget: PayloadBudget;
}

/**
 * Builds every read model from one snapshot of the write model, then records `lsn` (the
 * snapshot's position in the stream) as every checkpoint. SQL tables are replaced in one
 * read-DB transaction; the search index is built beside the live one and swapped in, so
 * queries keep answering from the old state until the new one is complete.
 */
export async function loadFromSnapshot(deps: LoadDeps, snapshot: { name: string; lsn: string; server: SystemIdentity; slot: string }): Promise<void> {
  await deps.source.begin('isolation level repeatable read read only', async (tx) => {
    await tx.unsafe(`set transaction snapshot '${snapshot.name.replace(/'/g, "''")}'`);
    deps.log.info({ lsn: snapshot.lsn }, 'initial load: reading the write model snapshot');
    await loadSqlProjections(deps, tx, snapshot);
    await buildSearchIndex(deps, tx, snapshot.lsn);
  });
  await saveCheckpoints(deps.read, [PRODUCT_SEARCH], snapshot.lsn, null);
  deps.log.info({ lsn: snapshot.lsn }, 'initial load: done, streaming from the snapshot position');
}

/**
 * Every SQL read model in one read transaction, with checkpoints set to exactly the snapshot's
 * position (even backwards: see resetCheckpoints), the source recorded, the search queue
 * emptied and the search checkpoint removed until the new index is swapped in: a crash before
 * then finds it missing and loads again.
 */
async function loadSqlProjections(deps: LoadDeps, snapshot: Source, from: { lsn: string; server: SystemIdentity; slot: string }): Promise<void> {
  await deps.read.begin(async (readTx) => {
    for (const projection of SQL_PROJECTION_LIST) {
      const progress = progressReporter(deps.log, `initial load: ${projection.name}`, await projection.count(snapshot));
      await readTx.unsafe(`delete from "${projection.table}"`);
      for await (const rows of pagesOf(projection, snapshot)) {
        await insertRows(readTx, projection, projection.table, rows);
        progress.advance(rows.length);
      }
      progress.done();
    }
    await readTx`delete from search_queue`;
    // Every key is computed afresh: letters still pending are about rows loaded now.
    await readTx`update dead_letters set status = 'resolved', resolution = 'rebuilt by an initial load', resolved_at = now() where status = 'pending'`;
    await resetCheckpoints(readTx, SQL_PROJECTIONS, from.lsn);
    await recordLoadedFrom(readTx, from.server, from.slot, from.lsn);
  });
}

/** A new index filled page by page, then swapped with the live one (which it creates if missing). */
async function buildSearchIndex(deps: LoadDeps, snapshot: Source, lsn: string): Promise<void> {
  const buildUid = `${deps.indexUid}_build_${Date.now()}`;
  await ensureProductIndex(deps.meili, deps.indexUid);
  await ensureProductIndex(deps.meili, buildUid);
  const progress = progressReporter(deps.log, 'initial load: search index', await productSummaries.count(snapshot));
  try {
    const pages = new TaskWindow(deps.meili, {
      budget: deps.budget,
      onRefused: async (document, error) => {
        deps.log.error({ err: error, projection: PRODUCT_SEARCH, key: document.id }, 'dead letter: Meilisearch refuses this document');
        await recordDeadLetter(deps.read, { projection: PRODUCT_SEARCH, key: document.id, lsn, error, payload: document });
      },
    });
    for await (const rows of pagesOf(productSummaries, snapshot)) {
      await pages.add(buildUid, rows.map(toSearchDocument));
      progress.advance(rows.length);
    }
    await pages.drain();
    assertSucceeded(await deps.meili.swapIndexes([{ indexes: [deps.indexUid, buildUid], rename: false }]).waitTask({ timeout: TASK_TIMEOUT_MS }));
  } finally {
    await deps.meili.deleteIndex(buildUid).waitTask({ timeout: TASK_TIMEOUT_MS }).catch(() => {});
  }
  progress.done();
}

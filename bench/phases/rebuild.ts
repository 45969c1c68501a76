import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Meilisearch } from 'meilisearch';
import { PRODUCT_SEARCH } from '@/db/read/projections';
import { productSummaries } from '@/projector/projections/productSummaries';
import { ensureProductIndex, toSearchDocument, assertSucceeded } from '@/projector/projections/productSearch/document';
import type { BenchContext } from '../context';

const BULK_INDEX = 'bench_bulk';
const PAGE = 5000;

/**
 * Full rebuild of the search index through the projector (`system.rebuild`'s path: a fresh
 * index beside the live one, then a swap), against Meilisearch's own ingestion of the same
 * documents sent in one request to an index with the same settings.
 */
export async function measureSearchRebuild(ctx: BenchContext): Promise<void> {
  const { write, read, progress, stack } = ctx;
  const id = randomUUID();
  const started = performance.now();
  await write`insert into projector_requests (id, kind, target, requested_by) values (${id}, 'rebuild', ${PRODUCT_SEARCH}, null)`;
  let bar: ReturnType<typeof progress.bar> | undefined;
  let docs = 0;
  for (;;) {
    const [row] = await read<{ status: string; total: string; done: string; error: string | null }[]>`
      select status, total::text, done::text, error from projection_rebuilds where id = ${id}`;
    if (row && Number(row.total) > 0) {
      bar ??= progress.bar('rebuild through the projector', Number(row.total));
      bar.set(Number(row.done));
      docs = Number(row.total);
    }
    if (row?.status === 'switched') break;
    if (row?.status === 'failed') throw new Error(`the search rebuild failed: ${row.error}`);
    if (performance.now() - started > 30 * 60_000) throw new Error('the search rebuild did not finish within 30 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
  const oursMs = performance.now() - started;
  bar?.done();

  // The same documents, as the projector builds them, sent to Meilisearch in one request.
  const documents = [];
  for (let after: string | null = null; ; ) {
    const rows = await productSummaries.page(write, after, PAGE);
    documents.push(...rows.map(toSearchDocument));
    if (rows.length < PAGE) break;
    after = String(rows.at(-1)!.id);
  }
  const client = new Meilisearch({ host: stack.env.MEILI_URL, apiKey: stack.env.MEILI_MASTER_KEY });
  await client.deleteIndexIfExists(BULK_INDEX);
  await ensureProductIndex(client, BULK_INDEX);
  progress.note(`Meilisearch bulk: ${documents.length.toLocaleString('en')} documents in one request`);
  const bulkStarted = performance.now();
  const task = await client.index(BULK_INDEX).addDocuments(documents).waitTask({ timeout: 30 * 60_000, interval: 20 });
  assertSucceeded(task);
  const bulkMs = performance.now() - bulkStarted;
  await client.deleteIndexIfExists(BULK_INDEX);

  ctx.figures.push({
    id: 'throughput.rebuild.search',
    section: 'throughput',
    name: 'full rebuild of the search index (request → swapped)',
    unit: 'docs/s',
    load: `${docs.toLocaleString('en')} documents`,
    ours: { value: (docs / oursMs) * 1000, note: `${(oursMs / 1000).toFixed(1)} s including reading the write model and the swap` },
    baseline: { name: 'Meilisearch: same documents, one bulk request', value: (documents.length / bulkMs) * 1000, note: `${(bulkMs / 1000).toFixed(1)} s` },
  });
}

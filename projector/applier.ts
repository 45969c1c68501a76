import type { Meilisearch } from 'meilisearch';
import type postgres from 'postgres';
import type { ReadDb } from '@/db/clients';
import { compareLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { Batch } from './batch';
import { saveCheckpoints, SQL_PROJECTIONS, type Checkpoints, type ProjectionName } from './checkpoints';
import { applyCategoryTree } from './projections/categoryTree/apply';
import { loadCategoryTree } from './projections/categoryTree/load';
import { applyProductSearch, PRODUCT_SEARCH } from './projections/productSearch/sink';
import { applyProductSummaries, projectedProductIds } from './projections/productSummaries/apply';
import { allProductIds, loadProductSummaries, productIdsUnderCategories, type ProductSummaryRow, type Source } from './projections/productSummaries/load';

export interface ApplierDeps {
  source: postgres.Sql;
  read: ReadDb;
  meili: Meilisearch;
  indexUid: string;
  log: Logger;
}

const CHUNK = 2000;

/**
 * Applies a batch to every projection behind it. Touched keys are recomputed from one
 * repeatable-read snapshot of the write model, so replaying a batch gives the same rows
 * (exactly-once effect). SQL rows and their checkpoints commit together; the search
 * checkpoint moves only after Meilisearch reports its tasks succeeded.
 */
export class Applier {
  constructor(
    private readonly deps: ApplierDeps,
    readonly checkpoints: Checkpoints,
  ) {}

  async apply(batch: Batch): Promise<void> {
    const behind = (name: ProjectionName) => {
      const at = this.checkpoints.get(name);
      return at === undefined || compareLsn(at, batch.endLsn) < 0;
    };
    const sqlBehind = SQL_PROJECTIONS.filter(behind);
    const searchBehind = behind(PRODUCT_SEARCH);
    if (sqlBehind.length === 0 && !searchBehind) return;

    const t = batch.touches;
    const needsSource = t.productIds.size > 0 || t.categoryIds.size > 0 || t.allProducts || t.categoryTree;
    if (!needsSource) {
      const names: ProjectionName[] = searchBehind ? [...sqlBehind, PRODUCT_SEARCH] : [...sqlBehind];
      await saveCheckpoints(this.deps.read, names, batch.endLsn, batch.lastCommitTime);
      this.advance(names, batch.endLsn);
      return;
    }

    await this.deps.source.begin('isolation level repeatable read read only', async (snapshot) => {
      const ids = await this.touchedProductIds(snapshot, batch);
      const chunks = chunk(ids, CHUNK);
      let cached: ProductSummaryRow[] | undefined;
      if (sqlBehind.length > 0) {
        const tree = t.categoryTree ? await loadCategoryTree(snapshot) : undefined;
        await this.deps.read.transaction(async (tx) => {
          for (const ids of chunks) {
            const rows = await loadProductSummaries(snapshot, ids);
            if (chunks.length === 1) cached = rows;
            await applyProductSummaries(tx, ids, rows);
          }
          if (tree) await applyCategoryTree(tx, tree);
          await saveCheckpoints(tx, sqlBehind, batch.endLsn, batch.lastCommitTime);
        });
        this.advance(sqlBehind, batch.endLsn);
      }
      if (searchBehind) {
        for (const ids of chunks) {
          const rows = cached ?? (await loadProductSummaries(snapshot, ids));
          await applyProductSearch(this.deps.meili, this.deps.indexUid, ids, rows);
        }
        await saveCheckpoints(this.deps.read, [PRODUCT_SEARCH], batch.endLsn, batch.lastCommitTime);
        this.advance([PRODUCT_SEARCH], batch.endLsn);
      }
    });
  }

  /** Nothing decodable before `lsn` is left unapplied: move every checkpoint there (quiet database). */
  async advanceIdle(lsn: string): Promise<boolean> {
    const behind = [...this.checkpoints.entries()].filter(([, at]) => compareLsn(at, lsn) < 0).map(([name]) => name);
    if (behind.length === 0) return false;
    await saveCheckpoints(this.deps.read, behind, lsn, null);
    this.advance(behind, lsn);
    return true;
  }

  private advance(names: readonly ProjectionName[], lsn: string): void {
    for (const name of names) this.checkpoints.set(name, lsn);
  }

  private async touchedProductIds(snapshot: Source, batch: Batch): Promise<string[]> {
    const t = batch.touches;
    const ids = new Set(t.productIds);
    if (t.allProducts) {
      for (const id of await allProductIds(snapshot)) ids.add(id);
      for (const id of await projectedProductIds(this.deps.read)) ids.add(id);
    }
    for (const id of await productIdsUnderCategories(snapshot, [...t.categoryIds])) ids.add(id);
    return [...ids];
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

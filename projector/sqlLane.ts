import type postgres from 'postgres';
import type { ReadDb } from '@/db/clients';
import { compareLsn } from '@/lib/lsn';
import type { Batch } from './batch';
import { saveCheckpoints, SQL_PROJECTIONS, type Checkpoints } from './checkpoints';
import { applyCategoryTree } from './projections/categoryTree/apply';
import { loadCategoryTree } from './projections/categoryTree/load';
import { applyProductSummaries } from './projections/productSummaries/apply';
import { loadProductSummaries } from './projections/productSummaries/load';
import { touchesAnything } from './projections/touches';
import { chunk, CHUNK, touchedProductIds } from './touchedProducts';

/**
 * The SQL read models. Touched keys are recomputed from one repeatable-read snapshot of the
 * write model and written, with the checkpoints, in one read-DB transaction: a replayed batch
 * writes the same rows again (exactly-once effect), a crash mid-way writes nothing.
 */
export class SqlLane {
  constructor(
    private readonly source: postgres.Sql,
    private readonly read: ReadDb,
    private readonly checkpoints: Checkpoints,
  ) {}

  async apply(batch: Batch): Promise<void> {
    const behind = SQL_PROJECTIONS.filter((name) => {
      const at = this.checkpoints.get(name);
      return at === undefined || compareLsn(at, batch.endLsn) < 0;
    });
    if (behind.length === 0) return;
    if (!touchesAnything(batch.touches)) {
      await saveCheckpoints(this.read, behind, batch.endLsn, batch.lastCommitTime);
    } else {
      await this.source.begin('isolation level repeatable read read only', async (snapshot) => {
        const ids = await touchedProductIds(snapshot, this.read, batch.touches);
        const tree = batch.touches.categoryTree ? await loadCategoryTree(snapshot) : undefined;
        await this.read.transaction(async (tx) => {
          for (const part of chunk(ids, CHUNK)) await applyProductSummaries(tx, part, await loadProductSummaries(snapshot, part));
          if (tree) await applyCategoryTree(tx, tree);
          await saveCheckpoints(tx, behind, batch.endLsn, batch.lastCommitTime);
        });
      });
    }
    for (const name of behind) this.checkpoints.set(name, batch.endLsn);
  }
}

import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import type { ProductSearchDocument } from '@/db/read/productSearch';
import { assertSucceeded } from './document';
import { classifyMeiliFailure } from './failures';
import { jsonBytes, type PayloadBudget } from './payloadBudget';

const TASK_TIMEOUT_MS = 300_000;

export interface TaskWindowOptions {
  budget: PayloadBudget;
  /** Pages kept waiting in Meilisearch's queue at most. */
  inFlight?: number;
  /** A document Meilisearch refuses (bad, or too large alone): the caller dead-letters it. */
  onRefused(document: ProductSearchDocument, error: unknown): Promise<void>;
  /** Whether a document of a refused page should still be sent when the page is sorted out (a rebuild skips what the lane wrote since). */
  stillWanted?(document: ProductSearchDocument): boolean;
}

/**
 * Document additions for a whole-index fill (initial load, rebuild), kept a few tasks ahead of
 * Meilisearch instead of waiting for each page: an index applies its tasks in order and
 * batches the queued ones together, so the fill costs about one bulk load rather than one
 * indexing round per page (measured: docs/benchmarks.md). At most `inFlight` pages wait in
 * Meilisearch's queue, so memory and a failure's blast radius stay bounded.
 *
 * Pages are cut to the payload budget; one Meilisearch still finds too large shrinks the
 * budget and is sent in halves; a page Meilisearch refuses is
 * sent again in halves, one after another, until the refused documents are found. Failures
 * about Meilisearch itself (down, disk full) are thrown: the fill is retried whole.
 */
export class TaskWindow {
  private readonly waiting: { task: EnqueuedTask; indexUid: string; documents: ProductSearchDocument[] }[] = [];

  constructor(
    private readonly meili: Meilisearch,
    private readonly options: TaskWindowOptions,
  ) {}

  /** Enqueue documents in pages within the payload budget; waits first for the oldest page when the window is full. */
  async add(indexUid: string, documents: ProductSearchDocument[]): Promise<void> {
    for (const page of this.options.budget.pages(documents)) await this.addPage(indexUid, page);
  }

  private async addPage(indexUid: string, documents: ProductSearchDocument[]): Promise<void> {
    let task: EnqueuedTask;
    try {
      task = await this.meili.index(indexUid).addDocuments(documents, { primaryKey: 'id' });
    } catch (error) {
      if (classifyMeiliFailure(error) !== 'too-large') throw error;
      await this.options.budget.refused(jsonBytes(documents), this.meili);
      await this.drain();
      await this.sendIsolating(indexUid, documents, error);
      return;
    }
    this.waiting.push({ task, indexUid, documents });
    while (this.waiting.length > (this.options.inFlight ?? 4)) await this.settle(this.waiting.shift()!);
  }

  /** Every page enqueued so far is in the index, or the first failure is thrown. */
  async drain(): Promise<void> {
    while (this.waiting.length > 0) await this.settle(this.waiting.shift()!);
  }

  private async settle(page: { task: EnqueuedTask; indexUid: string; documents: ProductSearchDocument[] }): Promise<void> {
    try {
      assertSucceeded(await this.meili.tasks.waitForTask(page.task.taskUid, { timeout: TASK_TIMEOUT_MS, interval: 25 }));
    } catch (error) {
      if (classifyMeiliFailure(error) !== 'refused') throw error;
      const wanted = this.options.stillWanted;
      await this.sendIsolating(page.indexUid, wanted ? page.documents.filter(wanted) : page.documents, error);
    }
  }

  /** Sends `documents` in halves, waiting for each, until the ones refused alone are found. */
  private async sendIsolating(indexUid: string, documents: ProductSearchDocument[], error: unknown): Promise<void> {
    if (documents.length === 0) return;
    if (documents.length === 1) return this.options.onRefused(documents[0]!, error);
    const half = Math.ceil(documents.length / 2);
    for (const part of [documents.slice(0, half), documents.slice(half)]) {
      try {
        assertSucceeded(await this.meili.index(indexUid).addDocuments(part, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 }));
      } catch (partError) {
        const failure = classifyMeiliFailure(partError);
        if (failure === 'temporary') throw partError;
        if (failure === 'too-large') await this.options.budget.refused(jsonBytes(part), this.meili);
        await this.sendIsolating(indexUid, part, partError);
      }
    }
  }
}

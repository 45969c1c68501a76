import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import { assertSucceeded } from './document';

const TASK_TIMEOUT_MS = 300_000;

/**
 * Document additions for a whole-index fill (initial load, rebuild), kept a few tasks ahead of
 * Meilisearch instead of waiting for each page: an index applies its tasks in order and
 * batches the queued ones together, so the fill costs about one bulk load rather than one
 * indexing round per page (measured: docs/benchmarks.md). At most `inFlight` pages wait in
 * Meilisearch's queue, so memory and a failure's blast radius stay bounded.
 */
export class TaskWindow {
  private readonly waiting: EnqueuedTask[] = [];

  constructor(
    private readonly meili: Meilisearch,
    private readonly inFlight = 4,
  ) {}

  /** Enqueue one page of documents; waits first for the oldest page when the window is full. */
  async add(indexUid: string, documents: object[]): Promise<void> {
    if (documents.length === 0) return;
    this.waiting.push(await this.meili.index(indexUid).addDocuments(documents, { primaryKey: 'id' }));
    while (this.waiting.length > this.inFlight) await this.settle(this.waiting.shift()!);
  }

  /** Every page enqueued so far is in the index, or the first failure is thrown. */
  async drain(): Promise<void> {
    while (this.waiting.length > 0) await this.settle(this.waiting.shift()!);
  }

  private async settle(task: EnqueuedTask): Promise<void> {
    assertSucceeded(await this.meili.tasks.waitForTask(task.taskUid, { timeout: TASK_TIMEOUT_MS, interval: 25 }));
  }
}

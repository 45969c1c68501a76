import type { Meilisearch } from 'meilisearch';
import type { ProductSearchDocument } from '@/db/read/productSearch';

/** Meilisearch's own default for `--http-payload-size-limit`. */
export const MEILI_DEFAULT_PAYLOAD_LIMIT = 100 * 1024 * 1024;
/** Room for the JSON around the documents and for the estimate's error. */
const HEADROOM = 0.9;
const PROBE_TIMEOUT_MS = 1000;

/**
 * How many bytes of documents one request may carry. Pages are cut by size before they are
 * sent, so long descriptions never push a page past Meilisearch's limit (a 2,000-document page
 * of 50 KB descriptions is 100 MB). One budget for the whole process: if Meilisearch still
 * answers 413 (its limit set lower than we were told), the budget shrinks for good.
 */
export class PayloadBudget {
  private limit: number;

  constructor(limitBytes = MEILI_DEFAULT_PAYLOAD_LIMIT) {
    this.limit = Math.floor(limitBytes * HEADROOM);
  }

  get bytes(): number {
    return this.limit;
  }

  /**
   * A request of `requestBytes` was refused as too large. Meilisearch 1.21 can leave the
   * keep-alive connection of a refused upload unusable (measured: the next request on it hangs
   * until its timeout), so a short probe takes that connection out of the pool first.
   */
  async refused(requestBytes: number, meili: Meilisearch): Promise<void> {
    this.limit = Math.max(1, Math.min(this.limit, Math.floor(requestBytes / 2)));
    await withTimeout(meili.health(), PROBE_TIMEOUT_MS).catch(() => {});
  }

  /** Cuts `documents` into pages of at most the budget (a document larger than it goes alone). */
  pages(documents: ProductSearchDocument[]): ProductSearchDocument[][] {
    const pages: ProductSearchDocument[][] = [];
    let page: ProductSearchDocument[] = [];
    let size = 0;
    for (const document of documents) {
      const bytes = jsonBytes(document);
      if (page.length > 0 && size + bytes > this.limit) {
        pages.push(page);
        page = [];
        size = 0;
      }
      page.push(document);
      size += bytes;
    }
    if (page.length > 0) pages.push(page);
    return pages;
  }
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value)) + 1;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

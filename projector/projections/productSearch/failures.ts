import { MeilisearchApiError } from 'meilisearch';

/**
 * What a Meilisearch failure means for the documents being written, decided by Meilisearch's
 * own error code and type, not by where it was thrown:
 * - `too-large`: the request body passed the payload limit (HTTP 413 `payload_too_large`):
 *   send the same documents in smaller requests;
 * - `refused`: Meilisearch looked at these documents and will refuse them again
 *   (`invalid_request` type: a bad document, a bad id): find them and dead-letter them;
 * - `temporary`: anything about Meilisearch rather than the documents (disk full, index size
 *   limit, internal errors, auth, network, timeouts): retry later, skip nothing.
 */
export type MeiliFailure = 'too-large' | 'refused' | 'temporary';

/** A task Meilisearch processed and failed, with its error code and type. */
export class TaskFailedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly type: string | undefined,
  ) {
    super(message);
    this.name = 'TaskFailedError';
  }
}

/** Codes that say something about Meilisearch's state, whatever type they are given. */
const TEMPORARY_CODES = new Set([
  'no_space_left_on_device',
  'database_size_limit_reached',
  'index_size_limit_reached',
  'too_many_open_files',
  'io_error',
  'internal',
  'task_not_found',
  'index_not_found',
]);

export function classifyMeiliFailure(error: unknown): MeiliFailure {
  if (error instanceof MeilisearchApiError) {
    if (error.response.status === 413 || error.cause?.code === 'payload_too_large') return 'too-large';
    return isDocumentRefusal(error.cause?.code, error.cause?.type) ? 'refused' : 'temporary';
  }
  if (error instanceof TaskFailedError) return isDocumentRefusal(error.code, error.type) ? 'refused' : 'temporary';
  return 'temporary';
}

function isDocumentRefusal(code: string | undefined, type: string | undefined): boolean {
  if (code !== undefined && TEMPORARY_CODES.has(code)) return false;
  return type === 'invalid_request';
}

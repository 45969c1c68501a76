import { versionConflict, notFound } from '../domain/errors';

/**
 * Optimistic concurrency for commands on an existing aggregate: `load` reads the row with
 * `FOR UPDATE` (so concurrent commands on it queue up), then the caller's expected version
 * must match, else CONFLICT with the current version. The handler then writes `version + 1`.
 */
export async function loadForUpdate<T extends { version: number }>(
  what: string,
  id: string,
  expectedVersion: number,
  load: () => Promise<T | undefined>,
): Promise<T> {
  const row = await load();
  if (!row) throw notFound(what, id);
  if (row.version !== expectedVersion) throw versionConflict(what, expectedVersion, row.version);
  return row;
}

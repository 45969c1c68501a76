import { keyOf } from './readRows';
import type { Row, Source, SqlProjection } from './projections/types';

export const PAGE = 2000;

/** Every row of a projection, page by page in key order, from one snapshot (memory: one page). */
export async function* pagesOf(projection: SqlProjection, snapshot: Source, size = PAGE): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await projection.page(snapshot, after, size);
    if (rows.length === 0) return;
    yield rows;
    if (projection.whole) return;
    after = keyOf(projection, rows.at(-1)!);
  }
}

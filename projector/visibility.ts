import type { Source } from './projections/types';

/**
 * A commit can reach logical decoding a moment before other sessions see it (the commit
 * record is flushed before the transaction leaves the process array). A snapshot taken in
 * that gap would recompute keys without the change and still move the checkpoint past it.
 * So the snapshot must see every transaction of the batch; this is its first statement.
 * wal2json gives 32-bit xids: each is widened to the 64-bit xid nearest the snapshot's xmax
 * (a committed transaction not yet visible can be at or above xmax).
 */
export async function allVisible(snapshot: Source, xids: number[]): Promise<boolean> {
  if (xids.length === 0) return true;
  const [row] = await snapshot<{ invisible: number }[]>`
    with s as (select pg_current_snapshot() as snap),
    m as (select snap, pg_snapshot_xmax(snap)::text::numeric as xmax from s),
    widened as (
      select snap, xmax, floor(xmax / 4294967296) * 4294967296 + x as candidate
        from m, unnest(${xids}::int8[]) x
    )
    select count(*) filter (
             where not pg_visible_in_snapshot((
               case when candidate > xmax + 2147483648 then candidate - 4294967296
                    when candidate < xmax - 2147483648 then candidate + 4294967296
                    else candidate end)::text::xid8, snap)
           )::int as invisible
      from widened`;
  return row!.invisible === 0;
}

export class NotYetVisible extends Error {
  constructor() {
    super('the batch is not visible to new snapshots yet');
    this.name = 'NotYetVisible';
  }
}

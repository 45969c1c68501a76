import postgres from 'postgres';

export interface BurstTransaction {
  /** The WAL insert position just before the commit: a checkpoint past it has applied the transaction. */
  lsnBeforeCommit: string;
  changes: number;
}

const ROWS_PER_TRANSACTION = 1000;

/**
 * A large burst of row changes straight into the write model, as many command-sized
 * transactions of 1,000 rows each: stock level changes and price changes by turns, spread over
 * the whole catalog. Written as the superuser, with the same effects commands have on these rows.
 */
export async function writeBurst(adminWriteUrl: string, productIds: readonly string[], changes: number, onProgress: (done: number) => Promise<void> | void): Promise<BurstTransaction[]> {
  const sql = postgres(adminWriteUrl, { max: 1, onnotice: () => {} });
  const done: BurstTransaction[] = [];
  let written = 0;
  let cursor = 0;
  const slice = (n: number) => {
    const ids: string[] = [];
    for (let k = 0; k < Math.min(n, productIds.length); k++) ids.push(productIds[(cursor + k) % productIds.length]!);
    cursor = (cursor + n) % productIds.length;
    return ids;
  };
  try {
    for (let t = 0; written < changes; t++) {
      const want = Math.min(ROWS_PER_TRANSACTION, changes - written);
      const tx = await sql.begin(async (tx) => {
        let rows: number;
        if (t % 2 === 0) {
          const result = await tx`
            update stock_levels set quantity = quantity + 1, version = version + 1, updated_at = now()
             where (product_id, warehouse_id) in (
               select product_id, warehouse_id from stock_levels where product_id = any(${slice(want)}::uuid[]) limit ${want})`;
          rows = result.count;
        } else {
          const result = await tx`
            update products set price_cents = price_cents + 1, version = version + 1, updated_at = now()
             where id = any(${slice(want)}::uuid[])`;
          rows = result.count;
        }
        const [at] = await tx<{ lsn: string }[]>`select pg_current_wal_insert_lsn()::text as lsn`;
        return { lsnBeforeCommit: at!.lsn, changes: rows };
      });
      // A slice whose products have no stock levels changes nothing: move on, but never loop forever.
      if (tx.changes === 0 && t > 10 && written === 0) throw new Error('the burst changes no rows: is the catalog loaded?');
      done.push(tx);
      written += tx.changes;
      await onProgress(written);
    }
    return done;
  } finally {
    await sql.end();
  }
}

/**
 * One price change after the burst. A projection has applied everything up to it once its
 * checkpoint is past `lsnBeforeCommit`. The product's summary row cannot tell: a batch
 * recomputes rows from the write model as it is now, so the first batch touching this product
 * after the marker already shows it.
 */
export async function writeMarker(adminWriteUrl: string, productId: string): Promise<{ lsnBeforeCommit: string }> {
  const sql = postgres(adminWriteUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      await tx`update products set price_cents = 7654321, version = version + 1, updated_at = now() where id = ${productId}`;
      const [at] = await tx<{ lsn: string }[]>`select pg_current_wal_insert_lsn()::text as lsn`;
      return { lsnBeforeCommit: at!.lsn };
    });
  } finally {
    await sql.end();
  }
}

import { asc, inArray } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { stockLevels } from '@/db/write/schema';
import type { StockRow } from '../domain/orders';

/**
 * Locks the stock rows of these products, always sorted by (product_id, warehouse_id): every
 * command that changes stock of several rows takes their locks in this one order, so
 * concurrent orders and cancellations queue instead of deadlocking. Returns the quantities as
 * they are once the locks are held.
 */
export async function lockStockRows(tx: WriteTx, productIds: string[]): Promise<StockRow[]> {
  return tx
    .select({ productId: stockLevels.productId, warehouseId: stockLevels.warehouseId, quantity: stockLevels.quantity })
    .from(stockLevels)
    .where(inArray(stockLevels.productId, productIds))
    .orderBy(asc(stockLevels.productId), asc(stockLevels.warehouseId))
    .for('update');
}

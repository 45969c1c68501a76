import { and, asc, eq, sql } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { orderAllocations, orderLines, stockLevels } from '@/db/write/schema';
import { orderCancelled, type StockRow } from '../domain/orders';
import type { CancelOrderInput } from './cancelOrder.input';
import { lockStockRows } from './stock';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import { transitionOrder } from './transitionOrder';

export async function cancelOrder(deps: CommandDeps, actor: Actor | null, input: CancelOrderInput): Promise<CommandResult> {
  return transitionOrder(deps, actor, input, {
    command: 'orders.cancel',
    to: 'cancelled',
    sideEffect: returnStock,
    event: orderCancelled,
  });
}

/** Puts every unit the order took back into the warehouse that gave it. */
async function returnStock(tx: WriteTx, orderId: string): Promise<StockRow[]> {
  const units = await allocatedUnits(tx, orderId);
  if (units.length > 0) {
    await lockStockRows(tx, units.map((unit) => unit.productId));
    // An upsert, so units are returned even if someone removed the stock row since.
    await tx
      .insert(stockLevels)
      .values(units)
      .onConflictDoUpdate({
        target: [stockLevels.productId, stockLevels.warehouseId],
        set: {
          quantity: sql`${stockLevels.quantity} + excluded.quantity`,
          version: sql`${stockLevels.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
  }
  return units;
}

async function allocatedUnits(tx: WriteTx, orderId: string): Promise<StockRow[]> {
  return tx
    .select({ productId: orderLines.productId, warehouseId: orderAllocations.warehouseId, quantity: orderAllocations.quantity })
    .from(orderAllocations)
    .innerJoin(orderLines, and(eq(orderLines.orderId, orderAllocations.orderId), eq(orderLines.lineNo, orderAllocations.lineNo)))
    .where(eq(orderAllocations.orderId, orderId))
    .orderBy(asc(orderLines.productId), asc(orderAllocations.warehouseId));
}

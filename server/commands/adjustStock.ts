import { and, eq, sql } from 'drizzle-orm';
import type { WriteDb, WriteTx } from '@/db/clients';
import { isUnknownEvent } from '@/db/write/events';
import { upcast } from '@/db/write/eventVersions';
import { journal, products, stockLevels, warehouses } from '@/db/write/schema';
import { notFound } from '../domain/errors';
import {
  decideStockAdjustment,
  stockLevelId,
  type StockDecision,
  type StockLevelState,
  type StockPlace,
} from '../domain/inventory';
import type { AdjustStockInput } from './adjustStock.input';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

export interface AdjustStockResult extends CommandResult {
  /** Units in stock right after this adjustment. */
  quantity: number;
}

/**
 * Adds or removes units of a product in a warehouse. The stock level is locked before the
 * decision, so concurrent adjustments of it queue and each one decides on the quantity the
 * previous one left: stock never goes below zero and no adjustment is lost.
 */
export async function adjustStock(deps: CommandDeps, actor: Actor | null, input: AdjustStockInput): Promise<AdjustStockResult> {
  let quantity: number | undefined;
  const result = await runCommand(deps, { command: 'inventory.adjustStock', actor, commandId: input.commandId }, async (tx) => {
    const place = await loadPlace(tx, input);
    const decision = await adjustLockedStock(tx, input, place);
    quantity = decision.quantity;
    return {
      aggregateType: 'stock_level',
      aggregateId: stockLevelId(input.productId, input.warehouseId),
      version: decision.version,
      event: decision.event,
    };
  });
  // With a commandId the result may be the replay of an earlier run, whose quantity only the journal knows.
  return { ...result, quantity: input.commandId ? await recordedQuantity(deps.db, input.commandId) : quantity! };
}

// Product and warehouse are read `for key share`: the lock a new stock row's foreign keys take
// anyway, taken before deciding, so neither can vanish before the commit.

async function loadPlace(tx: WriteTx, input: AdjustStockInput): Promise<StockPlace> {
  const [product] = await tx
    .select({ sku: products.sku, name: products.name })
    .from(products)
    .where(eq(products.id, input.productId))
    .for('key share');
  if (!product) throw notFound('Product', input.productId);
  const [warehouse] = await tx
    .select({ code: warehouses.code, name: warehouses.name })
    .from(warehouses)
    .where(eq(warehouses.id, input.warehouseId))
    .for('key share');
  if (!warehouse) throw notFound('Warehouse', input.warehouseId);
  return { product, warehouse };
}

/**
 * Decides on the locked stock level and writes the outcome. A product never stocked in this
 * warehouse has no row yet, so its first adjustment inserts one. If a concurrent first
 * adjustment inserted it since we looked, our insert does nothing once that one commits, and
 * we decide again on its row, locked like any other.
 */
async function adjustLockedStock(tx: WriteTx, input: AdjustStockInput, place: StockPlace): Promise<StockDecision> {
  const current = await lockStockLevel(tx, input);
  if (current) return updateStockLevel(tx, input, decideStockAdjustment(current, input, place));
  const first = decideStockAdjustment(undefined, input, place);
  if (await insertStockLevel(tx, input, first)) return first;
  const createdMeanwhile = await lockStockLevel(tx, input);
  if (!createdMeanwhile) throw new Error(`Stock level ${stockLevelId(input.productId, input.warehouseId)} conflicted on insert but cannot be read`);
  return updateStockLevel(tx, input, decideStockAdjustment(createdMeanwhile, input, place));
}

const isStockLevel = (input: AdjustStockInput) =>
  and(eq(stockLevels.productId, input.productId), eq(stockLevels.warehouseId, input.warehouseId));

async function lockStockLevel(tx: WriteTx, input: AdjustStockInput): Promise<StockLevelState | undefined> {
  const [row] = await tx
    .select({ quantity: stockLevels.quantity, version: stockLevels.version })
    .from(stockLevels)
    .where(isStockLevel(input))
    .for('update');
  return row;
}

async function updateStockLevel(tx: WriteTx, input: AdjustStockInput, decision: StockDecision): Promise<StockDecision> {
  await tx
    .update(stockLevels)
    .set({ quantity: decision.quantity, version: decision.version, updatedAt: sql`now()` })
    .where(isStockLevel(input));
  return decision;
}

/** False when the row exists already: another transaction created it after we looked. */
async function insertStockLevel(tx: WriteTx, input: AdjustStockInput, decision: StockDecision): Promise<boolean> {
  const inserted = await tx
    .insert(stockLevels)
    .values({ productId: input.productId, warehouseId: input.warehouseId, quantity: decision.quantity, version: decision.version })
    .onConflictDoNothing()
    .returning({ version: stockLevels.version });
  return inserted.length > 0;
}

async function recordedQuantity(db: WriteDb, commandId: string): Promise<number> {
  const [row] = await db
    .select({ type: journal.eventType, schemaVersion: journal.schemaVersion, payload: journal.payload })
    .from(journal)
    .where(eq(journal.commandId, commandId));
  const event = upcast(row!);
  if (isUnknownEvent(event) || event.type !== 'StockAdjusted') {
    throw new Error(`Journal entry of command ${commandId} is ${event.type} v${event.schemaVersion}, not a StockAdjusted this code can read`);
  }
  return event.payload.quantity.to;
}

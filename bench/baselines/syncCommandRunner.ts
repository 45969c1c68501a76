import { randomUUID } from 'node:crypto';
import { adjustStock } from '@/server/commands/adjustStock';
import { adjustStockInput } from '@/server/commands/adjustStock.input';
import { changePrice } from '@/server/commands/changePrice';
import { changePriceInput } from '@/server/commands/changePrice.input';
import { createProduct } from '@/server/commands/createProduct';
import { createProductInput } from '@/server/commands/createProduct.input';
import { placeOrder } from '@/server/commands/placeOrder';
import { placeOrderInput } from '@/server/commands/placeOrder.input';
import type { Actor, CommandDeps } from '@/server/commands/runCommand';
import { DomainError } from '@/server/domain/errors';
import { rememberVersion } from '../context';

export const BENCH_COMMANDS = ['createProduct', 'changePrice', 'adjustStock', 'placeOrder'] as const;
export type BenchCommand = (typeof BENCH_COMMANDS)[number];

/** What the runner draws its inputs from. */
export interface RunnerCatalog {
  productIds: string[];
  warehouseIds: string[];
  customerIds: string[];
  /** Active products with stock in `currency`, for orders (default: productIds). */
  orderableIds?: string[];
  /** Currency of new products (default EUR). */
  currency?: string;
}

export interface RunnerOptions {
  /** Product versions known so far, shared between runners on the same data (default: a new map). */
  versions?: Map<string, number>;
}

export interface CommandRunner {
  run(kind: BenchCommand, i: number): Promise<void>;
  /** changePrice calls that met a version other than the known one and were retried once. */
  readonly conflicts: number;
}

/**
 * Bench only. One in-process command call per `run`, with valid inputs chosen by `i`, parsed
 * by the command's zod schema as the router does. Ours: `{ db }`; the baseline:
 * `syncCommandDeps(db)`. Nothing is read beside the command itself: changePrice sends the
 * version this runner last saw (1 at first) and, on a conflict, retries once with the
 * version the conflict reports; adjustStock only adds units, so stock never goes below zero.
 */
export function commandRunner(deps: CommandDeps, actor: Actor, catalog: RunnerCatalog, options: RunnerOptions = {}): CommandRunner {
  const versions = options.versions ?? new Map<string, number>();
  const orderable = catalog.orderableIds ?? catalog.productIds;
  const tag = randomUUID().slice(0, 8);
  let conflicts = 0;
  // SKUs stay unique when a runner is driven by several loops that each count `i` from 0.
  let created = 0;

  async function changePriceOf(id: string, priceCents: number): Promise<void> {
    const attempt = (expectedVersion: number) => changePrice(deps, actor, changePriceInput.parse({ id, expectedVersion, priceCents }));
    let result;
    try {
      result = await attempt(versions.get(id) ?? 1);
    } catch (error) {
      const current = error instanceof DomainError && error.code === 'CONFLICT' ? error.details.currentVersion : undefined;
      if (current === undefined) throw error;
      conflicts += 1;
      result = await attempt(current);
    }
    rememberVersion(versions, id, result.version);
  }

  const commands: Record<BenchCommand, (i: number) => Promise<unknown>> = {
    createProduct: (i) =>
      createProduct(
        deps,
        actor,
        createProductInput.parse({
          sku: `SYNCB-${tag}-${created++}`,
          name: `Bench product ${i}`,
          description: 'Made by the benchmark.',
          priceCents: 1000 + (i % 5000),
          currency: catalog.currency ?? 'EUR',
          tags: ['bench'],
        }),
      ),
    changePrice: (i) => changePriceOf(pick(catalog.productIds, i), 500 + ((i * 37) % 90_000)),
    adjustStock: (i) =>
      adjustStock(
        deps,
        actor,
        adjustStockInput.parse({ productId: pick(catalog.productIds, i), warehouseId: pick(catalog.warehouseIds, i), delta: 1 + (i % 5), reason: 'bench restock' }),
      ),
    placeOrder: (i) => {
      const count = 1 + (i % 3);
      // Consecutive products from a stride that differs per call: distinct within the order, spread across orders.
      const productIds = [...new Set(Array.from({ length: count }, (_, k) => pick(orderable, i * 3 + k)))];
      return placeOrder(deps, actor, placeOrderInput.parse({ customerId: pick(catalog.customerIds, i), lines: productIds.map((productId) => ({ productId, quantity: 1 })) }));
    },
  };

  return {
    run: async (kind, i) => {
      await commands[kind](i);
    },
    get conflicts() {
      return conflicts;
    },
  };
}

function pick<T>(list: readonly T[], i: number): T {
  if (list.length === 0) throw new Error('the bench catalog has an empty list');
  return list[i % list.length]!;
}

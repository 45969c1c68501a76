import fc from 'fast-check';
import {
  adjustStock,
  commandOp,
  createCategory,
  createProduct,
  createWarehouse,
  registerCustomer,
} from './commandArbitraries';
import { batchChanges, faultOp, streamFaultOp } from './faultArbitraries';
import type { BurstOp, CheckOp, CommandOp, FaultOp, GenerationOptions, History, Op, SqlOp } from './operations';
import { largeTransaction, sqlOp, truncateProducts } from './sqlArbitraries';

/** A small catalog every history starts with, so its first random operations have targets. */
const setup: fc.Arbitrary<CommandOp[]> = fc
  .tuple(
    fc.array(createCategory, { minLength: 2, maxLength: 2 }),
    createWarehouse,
    fc.array(registerCustomer, { minLength: 2, maxLength: 2 }),
    fc.array(createProduct.map((p) => ({ ...p, status: 'active' as const, twice: false })), { minLength: 4, maxLength: 4 }),
    fc.array(adjustStock.map((a) => ({ ...a, delta: Math.abs(a.delta) + 20 })), { minLength: 4, maxLength: 4 }),
  )
  .map(([categories, warehouse, customers, products, stock]) => [...categories, warehouse, ...customers, ...products, ...stock]);

export const SETUP_OPS = 13;

/** Several clients at once: commands and direct SQL sent together. */
const burst: fc.Arbitrary<BurstOp> = fc
  .array(fc.oneof({ arbitrary: commandOp, weight: 3 }, { arbitrary: sqlOp, weight: 1 }), { minLength: 2, maxLength: 5 })
  .map((ops) => ({ kind: 'burst', ops }));

const step: fc.Arbitrary<Op> = fc.oneof({ arbitrary: commandOp, weight: 12 }, { arbitrary: sqlOp, weight: 6 }, { arbitrary: burst, weight: 2 });

/** `arbitrary` in `times` of `outOf` histories, null otherwise. */
const rarely = <T>(times: number, outOf: number, arbitrary: fc.Arbitrary<T>) =>
  fc.tuple(fc.integer({ min: 1, max: outOf }), arbitrary).map(([n, value]) => (n <= times ? value : null));

function historyArbitrary(options: GenerationOptions) {
  const ops = Math.max(0, options.ops);
  return fc.record({
    batchChanges,
    setup,
    steps: fc.array(step, { minLength: ops, maxLength: ops }),
    faults: fc.array(fc.tuple(fc.nat(ops), options.stream ? streamFaultOp : faultOp), { minLength: options.faults, maxLength: options.faults }),
    large: options.largeRows > 0 ? rarely(2, 3, fc.tuple(fc.nat(ops), largeTransaction(options.largeRows))) : fc.constant(null),
    // Rare: it empties the catalog, and what follows has little to work on.
    truncate: rarely(1, 10, fc.tuple(fc.nat(ops), truncateProducts)),
    // Last, so that adding it left the other draws of a seed as they were.
    checks: fc.uniqueArray(fc.nat(ops), { maxLength: 2 }),
  });
}

/** The history of a seed: the same seed and options always give the same operations. */
export function generateHistory(seed: number, options: GenerationOptions): History {
  const [drawn] = fc.sample(historyArbitrary(options), { seed, numRuns: 1 });
  const { batchChanges: batch, setup: first, steps, faults, large, truncate, checks } = drawn!;
  const inserts: [number, FaultOp | SqlOp | CheckOp][] = [...faults];
  if (large) inserts.push(large);
  if (truncate) inserts.push(truncate);
  for (const at of checks) inserts.push([at, { kind: 'check' }]);
  const ops: Op[] = [...first];
  for (let i = 0; i <= steps.length; i++) {
    for (const [at, op] of inserts) if (at === i) ops.push(op);
    if (i < steps.length) ops.push(steps[i]!);
  }
  return { seed, options, batchChanges: batch, ops: without(ops, new Set(options.exclude ?? [])) };
}

function without(ops: Op[], excluded: ReadonlySet<string>): Op[] {
  if (excluded.size === 0) return ops;
  const kept = (op: Op) => !excluded.has(op.kind === 'fault' ? op.fault.kind : op.kind);
  return ops.filter(kept).flatMap((op): Op[] => {
    if (op.kind !== 'burst') return [op];
    const inner = op.ops.filter(kept);
    return inner.length > 0 ? [{ ...op, ops: inner }] : [];
  });
}

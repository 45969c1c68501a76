import fc from 'fast-check';
import type { SqlOp } from './operations';
import { pick } from './commandArbitraries';

const slice = fc.integer({ min: 1, max: 4 }).chain((modulo) => fc.record({ modulo: fc.constant(modulo), remainder: fc.nat(modulo - 1) }));

const repriceMany = fc.record({ kind: fc.constant('sqlRepriceMany' as const), slice, deltaCents: fc.integer({ min: -500, max: 500 }) });
const touchRepeatedly = fc.record({ kind: fc.constant('sqlTouchRepeatedly' as const), slice, times: fc.integer({ min: 2, max: 6 }) });
const moveProducts = fc.record({ kind: fc.constant('sqlMoveProducts' as const), slice, category: fc.option(pick, { nil: null }) });
const moveCategory = fc.record({ kind: fc.constant('sqlMoveCategory' as const), category: pick, parent: fc.option(pick, { nil: null }) });
const renameMany = fc.record({
  kind: fc.constant('sqlRenameMany' as const),
  table: fc.constantFrom('categories' as const, 'customers' as const, 'warehouses' as const, 'users' as const),
  suffix: fc.nat(999).map(String),
});
const stockMany = fc.record({ kind: fc.constant('sqlStockMany' as const), slice, delta: fc.integer({ min: -20, max: 40 }) });
const deleteOrder = fc.record({ kind: fc.constant('sqlDeleteOrder' as const), order: pick });
const deleteProduct = fc.record({ kind: fc.constant('sqlDeleteProduct' as const), product: pick, withOrders: fc.boolean() });
const deleteMany = fc.record({ kind: fc.constant('sqlDeleteMany' as const), slice });
const deleteTags = fc.record({ kind: fc.constant('sqlDeleteTags' as const), product: pick });
const changeKey = fc.record({
  kind: fc.constant('sqlChangeKey' as const),
  table: fc.constantFrom('products' as const, 'products' as const, 'categories' as const, 'customers' as const, 'warehouses' as const, 'orders' as const),
  target: pick,
});
const retag = fc.record({ kind: fc.constant('sqlRetag' as const), product: pick });
const moveStock = fc.record({ kind: fc.constant('sqlMoveStock' as const), product: pick, from: pick, to: pick });
/** 10–50 KB: far above the TOAST threshold (about 2 KB), and random so it does not compress below it. */
export const toastDescription = fc.record({
  kind: fc.constant('sqlToastDescription' as const),
  product: pick,
  chars: fc.integer({ min: 10_000, max: 50_000 }),
  textSeed: fc.nat(),
  then: fc.constantFrom('price' as const, 'name' as const, 'status' as const, 'category' as const, 'stock' as const),
});
export const largeTransaction = (rows: number) =>
  fc.record({ kind: fc.constant('sqlLargeTransaction' as const), rows: fc.constant(rows), shape: fc.constantFrom('insert' as const, 'insert' as const, 'churn' as const) });
const ODD = ['"', '\\', '\\"', '\\u0000', '\n', '\t', '\r', '\u0001', '\u001f', '\u007f', '\u2028', '\u2029', '😀', '👩‍👩‍👧', 'é', 'e\u0301', '中文', 'עברית', '{"a":1}', "'; --", '%_'];
/** Any text Postgres takes (no NUL), with the characters JSON encoders get wrong made frequent. */
export const oddText = fc
  .array(fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 1, maxLength: 12 })
  .map((parts) => `x${parts.join('').replaceAll('\u0000', '')}`);
const oddTextUpdate = fc.record({
  kind: fc.constant('sqlOddText' as const),
  product: pick,
  field: fc.constantFrom('name' as const, 'description' as const, 'brand' as const),
  text: oddText,
});
const emitMessage = fc.record({
  kind: fc.constant('sqlEmitMessage' as const),
  transactional: fc.boolean(),
  content: fc.oneof(oddText, fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('hex')).map((hex) => `\\x${hex}`)),
});

/** Direct writes to the write model: bulk, repeated, moves, deletes, key changes, TOAST. */
export const sqlOp: fc.Arbitrary<SqlOp> = fc.oneof(
  { arbitrary: repriceMany, weight: 9 },
  { arbitrary: touchRepeatedly, weight: 9 },
  { arbitrary: moveProducts, weight: 6 },
  { arbitrary: moveCategory, weight: 6 },
  { arbitrary: renameMany, weight: 6 },
  { arbitrary: stockMany, weight: 6 },
  { arbitrary: deleteOrder, weight: 6 },
  { arbitrary: deleteProduct, weight: 6 },
  { arbitrary: deleteMany, weight: 3 },
  { arbitrary: deleteTags, weight: 6 },
  { arbitrary: changeKey, weight: 9 },
  { arbitrary: retag, weight: 3 },
  { arbitrary: moveStock, weight: 3 },
  { arbitrary: toastDescription, weight: 9 },
  { arbitrary: oddTextUpdate, weight: 6 },
  { arbitrary: emitMessage, weight: 3 },
);

export const truncateProducts = fc.constant({ kind: 'sqlTruncateProducts' as const });

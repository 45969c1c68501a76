import fc from 'fast-check';
import type { CommandOp } from './operations';

const WORDS = ['Oak', 'Linen', 'Copper', 'Field', 'Harbor', 'Nordic', 'Slate', 'Amber', 'Willow', 'Granite', 'Cedar', 'Velvet'];
const BRANDS = ['Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella'];
const TAGS = ['new', 'sale', 'eco', 'gift', 'bulk', 'limited', 'outdoor', 'kitchen'];

export const pick = fc.nat(999);
/** One time in ten an edit carries an old version: the answer must be CONFLICT and nothing changes. */
const staleVersion = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
/** A few product names start with POISON: while a poison fault is on, the read model refuses them. */
const productName = fc.tuple(fc.integer({ min: 0, max: 19 }), words(1, 3)).map(([n, name]) => (n === 0 ? `POISON ${name}` : name));
const tags = fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 });
const description = fc.oneof(fc.constant(''), words(3, 12));
const priceCents = fc.integer({ min: 0, max: 500_000 });
const currency = fc.constantFrom('EUR', 'EUR', 'EUR', 'EUR', 'EUR', 'USD');
const productStatus = fc.constantFrom<'active' | 'draft'>('active', 'active', 'active', 'draft');

export const createCategory = fc.record({
  kind: fc.constant('createCategory' as const),
  name: fc.tuple(words(1, 2), fc.nat(99)).map(([w, n]) => `${w} ${n}`),
  parent: fc.option(pick, { nil: null }),
});

export const renameCategory = fc.record({
  kind: fc.constant('renameCategory' as const),
  category: pick,
  name: fc.option(fc.tuple(words(1, 2), fc.nat(99)).map(([w, n]) => `${w} ${n}`), { nil: null }),
  move: fc.option(fc.record({ parent: fc.option(pick, { nil: null }) }), { nil: null }),
  stale: staleVersion,
});

export const createProduct = fc.record({
  kind: fc.constant('createProduct' as const),
  sku: fc.nat(99_999).map((n) => `P-${n}`),
  name: productName,
  description,
  brand: fc.option(fc.constantFrom(...BRANDS), { nil: null }),
  category: fc.option(pick, { nil: null, freq: 5 }),
  priceCents,
  currency,
  tags,
  status: productStatus,
  twice: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

export const updateProduct = fc.record({
  kind: fc.constant('updateProduct' as const),
  product: pick,
  changes: fc.record(
    {
      name: productName,
      description,
      brand: fc.option(fc.constantFrom(...BRANDS), { nil: null }),
      category: fc.option(pick, { nil: null }),
      tags,
      status: productStatus,
    },
    { requiredKeys: [] },
  ).filter((changes) => Object.keys(changes).length > 0),
  stale: staleVersion,
});

export const changePrice = fc.record({ kind: fc.constant('changePrice' as const), product: pick, priceCents, stale: staleVersion });
export const archiveOrRestore = fc.record({
  kind: fc.constantFrom('archiveProduct' as const, 'restoreProduct' as const),
  product: pick,
  stale: staleVersion,
});

export const createWarehouse = fc.record({
  kind: fc.constant('createWarehouse' as const),
  code: fc.nat(9_999).map((n) => `W${n}`),
  name: words(1, 2).map((w) => `${w} depot`),
});

export const adjustStock = fc.record({
  kind: fc.constant('adjustStock' as const),
  product: pick,
  warehouse: pick,
  delta: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 200 }), weight: 3 }, { arbitrary: fc.integer({ min: -50, max: -1 }), weight: 1 }),
});

export const registerCustomer = fc.record({
  kind: fc.constant('registerCustomer' as const),
  email: fc.nat(99_999).map((n) => `c${n}@example.com`),
  name: words(2, 2),
});

export const placeOrder = fc.record({
  kind: fc.constant('placeOrder' as const),
  customer: pick,
    // Mostly products that are active and in stock, so that orders go through and can be paid, shipped, cancelled, deleted.
  lines: fc.array(fc.record({ product: pick, quantity: fc.integer({ min: 1, max: 5 }), inStock: fc.integer({ min: 0, max: 4 }).map((n) => n > 0) }), { minLength: 1, maxLength: 3 }),
  twice: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

export const transitionOrder = fc.record({
  kind: fc.constantFrom('payOrder' as const, 'payOrder' as const, 'shipOrder' as const, 'cancelOrder' as const),
  order: pick,
  stale: staleVersion,
});

/** Every command of the API, weighted roughly as a busy back office sends them. */
export const commandOp: fc.Arbitrary<CommandOp> = fc.oneof(
  { arbitrary: createCategory, weight: 2 },
  { arbitrary: renameCategory, weight: 2 },
  { arbitrary: createProduct, weight: 8 },
  { arbitrary: updateProduct, weight: 6 },
  { arbitrary: changePrice, weight: 5 },
  { arbitrary: archiveOrRestore, weight: 3 },
  { arbitrary: createWarehouse, weight: 1 },
  { arbitrary: adjustStock, weight: 6 },
  { arbitrary: registerCustomer, weight: 2 },
  { arbitrary: placeOrder, weight: 9 },
  { arbitrary: transitionOrder, weight: 6 },
);

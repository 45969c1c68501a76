import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { commandDatabase } from '../support/commandDatabase';
import { expectLatestEntry, journalOf, type JournalEvent, type JournalRow } from '../support/journal';
import { refusal } from '../support/refusal';
import { unique } from '../support/unique';
import { seedStaff } from '@/scripts/seed/seedDemoData';
import { adjustStock, type AdjustStockResult } from '@/server/commands/adjustStock';
import { adjustStockInput } from '@/server/commands/adjustStock.input';
import { createProduct } from '@/server/commands/createProduct';
import { createProductInput } from '@/server/commands/createProduct.input';
import { createWarehouse } from '@/server/commands/createWarehouse';
import { createWarehouseInput } from '@/server/commands/createWarehouse.input';
import { registerCustomer } from '@/server/commands/registerCustomer';
import { registerCustomerInput } from '@/server/commands/registerCustomer.input';
import type { Actor } from '@/server/commands/runCommand';
import { type DomainError } from '@/server/domain/errors';

const env = inject('stackEnv');
const { write, admin$, deps } = commandDatabase(env, { max: 10, applicationName: 'inventoryCommands.int.test' });
let actor: Actor;

const LSN = /^[0-9A-F]+\/[0-9A-F]+$/;

beforeAll(async () => {
  actor = await seedStaff(write.db);
});

// ---- fixtures: other test files share the database, so every code, SKU and email is unique ----

async function newProduct(): Promise<string> {
  const sku = `INV-${unique()}`;
  return (await createProduct(deps, actor, createProductInput.parse({ sku, name: `Lamp ${sku}`, priceCents: 1500, currency: 'EUR' }))).id;
}

async function newWarehouse(): Promise<string> {
  return (await newWarehouseNamed(`W${unique()}`)).id;
}

const newWarehouseNamed = (code: string, commandId?: string) =>
  createWarehouse(deps, actor, createWarehouseInput.parse({ code, name: `Depot ${code}`, commandId }));

/** A product and a warehouse where it has never been stocked. */
async function emptyShelf() {
  return { productId: await newProduct(), warehouseId: await newWarehouse() };
}

type Shelf = Awaited<ReturnType<typeof emptyShelf>>;

const adjust = (shelf: Shelf, delta: number, extra: { reason?: string; expectedVersion?: number; commandId?: string } = {}) =>
  adjustStock(deps, actor, adjustStockInput.parse({ ...shelf, delta, reason: 'delivery', ...extra }));

const register = (email: string, commandId?: string) =>
  registerCustomer(deps, actor, registerCustomerInput.parse({ email, name: 'Ann Buyer', commandId }));

/** The DomainError a command was refused with. */

// ---- reading what the commands wrote ----


async function journalRowsWithCommandId(commandId: string): Promise<number> {
  const [row] = await admin$<{ count: number }[]>`select count(*)::int as count from journal where command_id = ${commandId}`;
  return row!.count;
}

async function stockRow({ productId, warehouseId }: Shelf) {
  const [row] = await admin$<{ quantity: number; version: number }[]>`
    select quantity, version from stock_levels where product_id = ${productId} and warehouse_id = ${warehouseId}`;
  return row;
}

const stockId = ({ productId, warehouseId }: Shelf) => `${productId}:${warehouseId}`;

/** What creating an aggregate did: its answer (version 1, at a position), its row as `row.read` finds it, and its one journal entry. */
async function expectCreated(created: { id: string }, row: { read: PromiseLike<readonly unknown[]>; is: object }, event: JournalEvent) {
  expect(created).toMatchObject({ version: 1, position: expect.stringMatching(LSN) });
  const [actual] = await row.read;
  expect(actual).toEqual(row.is);
  await expectLatestEntry(admin$, created.id, { version: 1, by: actor.id }, event);
}

/** Everything an adjustment may write: the stock row and its journal. */
async function stockSnapshot(shelf: Shelf) {
  return { row: await stockRow(shelf), journal: await journalOf(admin$, stockId(shelf)) };
}

// ---- warehouses ----

describe('inventory.createWarehouse', () => {
  it('creates a warehouse with a trimmed, upper-cased code and journals it', async () => {
    const code = `N${unique()}`;
    const created = await createWarehouse(deps, actor, createWarehouseInput.parse({ code: `  ${code.toLowerCase()} `, name: ' North depot ' }));

    await expectCreated(
      created,
      { read: admin$`select code, name, version from warehouses where id = ${created.id}`, is: { code, name: 'North depot', version: 1 } },
      { command: 'inventory.createWarehouse', event_type: 'WarehouseCreated', aggregate_type: 'warehouse', payload: { code, name: 'North depot' } },
    );
  });

  it('refuses a code already in use, whatever its case, and writes nothing', async () => {
    const code = `D${unique()}`;
    await newWarehouseNamed(code);

    const error = await refusal(newWarehouseNamed(code.toLowerCase()));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({
      rule: 'unique-warehouse-code',
      fields: { code: [`Warehouse code ${code} is already used by another warehouse`] },
    });
    const [counts] = await admin$<{ warehouses: number; events: number }[]>`
      select (select count(*)::int from warehouses where code = ${code}) as warehouses,
             (select count(*)::int from journal where event_type = 'WarehouseCreated' and payload->>'code' = ${code}) as events`;
    expect(counts).toEqual({ warehouses: 1, events: 1 });
  });

  it('returns the first result for a repeated commandId and creates one warehouse', async () => {
    const code = `R${unique()}`;
    const commandId = randomUUID();
    const first = await newWarehouseNamed(code, commandId);
    const again = await newWarehouseNamed(code, commandId);

    expect(again).toMatchObject({ id: first.id, version: first.version });
    const [row] = await admin$<{ count: number }[]>`select count(*)::int as count from warehouses where code = ${code}`;
    expect(row!.count).toBe(1);
    expect(await journalRowsWithCommandId(commandId)).toBe(1);
  });
});

// ---- stock ----

describe('inventory.adjustStock', () => {
  it('creates the stock level on the first delivery, then adjusts it, one journal row each', async () => {
    const shelf = await emptyShelf();

    const first = await adjust(shelf, 10, { reason: 'first delivery' });
    expect(first).toEqual({ id: stockId(shelf), version: 1, quantity: 10, position: expect.stringMatching(LSN) });
    const second = await adjust(shelf, -3, { reason: 'broken in transit' });
    expect(second).toMatchObject({ id: stockId(shelf), version: 2, quantity: 7 });

    expect(await stockRow(shelf)).toEqual({ quantity: 7, version: 2 });
    const journal = await expectLatestEntry(admin$, stockId(shelf), { version: 2, by: actor.id }, {
      command: 'inventory.adjustStock',
      event_type: 'StockAdjusted',
      aggregate_type: 'stock_level',
      payload: expect.objectContaining({ ...shelf, delta: -3, reason: 'broken in transit', quantity: { from: 10, to: 7 } }),
    });
    expect(journal[0]!.payload).toMatchObject({ delta: 10, quantity: { from: 0, to: 10 } });
  });

  it('refuses to take more units than are in stock and leaves the quantity as it was', async () => {
    const shelf = await emptyShelf();
    await adjust(shelf, 3);
    const before = await stockSnapshot(shelf);

    const error = await refusal(adjust(shelf, -5));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual({ rule: 'stock-below-zero', available: 3, requested: 5 });
    expect(await stockSnapshot(shelf)).toEqual(before);
  });

  it('refuses to take units of a product never stocked there, and creates no stock level', async () => {
    const shelf = await emptyShelf();

    const error = await refusal(adjust(shelf, -1));
    expect(error.details).toEqual({ rule: 'stock-below-zero', available: 0, requested: 1 });
    expect(await stockSnapshot(shelf)).toEqual({ row: undefined, journal: [] });
  });

  it('checks the expected version when one is given', async () => {
    const shelf = await emptyShelf();
    await adjust(shelf, 5);
    await adjust(shelf, 1);

    const stale = await refusal(adjust(shelf, 1, { expectedVersion: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toMatchObject({ rule: 'expected-version', currentVersion: 2 });
    expect(await stockRow(shelf)).toEqual({ quantity: 6, version: 2 });

    expect(await adjust(shelf, 1, { expectedVersion: 2 })).toMatchObject({ version: 3, quantity: 7 });
  });

  it('refuses an expected version for a stock level that does not exist yet', async () => {
    const shelf = await emptyShelf();

    const error = await refusal(adjust(shelf, 5, { expectedVersion: 1 }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ rule: 'expected-version', currentVersion: 0 });
    expect(await stockSnapshot(shelf)).toEqual({ row: undefined, journal: [] });
  });

  it('says which of product and warehouse does not exist, and writes nothing', async () => {
    const shelf = await emptyShelf();
    const noProduct = { ...shelf, productId: randomUUID() };
    const noWarehouse = { ...shelf, warehouseId: randomUUID() };

    const product = await refusal(adjust(noProduct, 5));
    expect(product.code).toBe('NOT_FOUND');
    expect(product.message).toBe(`Product ${noProduct.productId} does not exist`);
    const warehouse = await refusal(adjust(noWarehouse, 5));
    expect(warehouse.code).toBe('NOT_FOUND');
    expect(warehouse.message).toBe(`Warehouse ${noWarehouse.warehouseId} does not exist`);

    for (const missing of [noProduct, noWarehouse]) expect(await stockSnapshot(missing)).toEqual({ row: undefined, journal: [] });
  });

  it('keeps every accepted unit and never goes below zero when 50 adjustments race', async () => {
    const shelf = await emptyShelf();
    await adjust(shelf, 5);
    // 15 deliveries and 35 removals: more removals than units, so some must be refused.
    const deltas = Array.from({ length: 50 }, (_, i) => (i % 10 < 3 ? 1 : -1));

    const outcomes = await Promise.allSettled(deltas.map((delta) => adjust(shelf, delta)));

    const accepted = deltas.filter((_, i) => outcomes[i]!.status === 'fulfilled');
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const { reason } of refused) expect((reason as DomainError).details?.rule).toBe('stock-below-zero');

    const expected = 5 + accepted.reduce((sum, delta) => sum + delta, 0);
    expect(await stockRow(shelf)).toEqual({ quantity: expected, version: 1 + accepted.length });
    const journal = await journalOf(admin$, stockId(shelf));
    expect(journal).toHaveLength(1 + accepted.length);
    expectUnbrokenChain(journal);
  });

  it('creates one stock level when 20 first deliveries race for it', async () => {
    const shelf = await emptyShelf();

    const results = await Promise.all(Array.from({ length: 20 }, () => adjust(shelf, 1)));

    expect(await stockRow(shelf)).toEqual({ quantity: 20, version: 20 });
    expect(results.map((result) => result.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expectUnbrokenChain(await journalOf(admin$, stockId(shelf)));
  });

  it('returns the first result, quantity included, for a repeated commandId and adjusts once', async () => {
    const shelf = await emptyShelf();
    const commandId = randomUUID();
    const first = await adjust(shelf, 4, { commandId });
    await adjust(shelf, 2);

    const repeats: AdjustStockResult[] = await Promise.all([1, 2, 3].map(() => adjust(shelf, 4, { commandId })));

    for (const repeat of repeats) expect(repeat).toMatchObject({ id: first.id, version: 1, quantity: 4 });
    expect(await stockRow(shelf)).toEqual({ quantity: 6, version: 2 });
    expect(await journalRowsWithCommandId(commandId)).toBe(1);
  });
});

/** Versions 1..n in journal order, each adjustment starting from the quantity the previous one left, never below zero. */
function expectUnbrokenChain(journal: JournalRow[]): void {
  let quantity = 0;
  journal.forEach((row, i) => {
    const change = row.payload.quantity as { from: number; to: number };
    expect(row.aggregate_version).toBe(i + 1);
    expect(change.from).toBe(quantity);
    expect(change.to).toBe(change.from + (row.payload.delta as number));
    expect(change.to).toBeGreaterThanOrEqual(0);
    quantity = change.to;
  });
}

// ---- customers ----

describe('customers.register', () => {
  it('registers a customer under a trimmed, lower-cased email and journals it', async () => {
    const email = `ann-${unique().toLowerCase()}@example.com`;
    const registered = await register(`  ${email.toUpperCase()} `);

    await expectCreated(
      registered,
      { read: admin$`select email, name, version from customers where id = ${registered.id}`, is: { email, name: 'Ann Buyer', version: 1 } },
      { command: 'customers.register', event_type: 'CustomerRegistered', aggregate_type: 'customer', payload: { email, name: 'Ann Buyer' } },
    );
  });

  it('refuses an email already registered, whatever its case, and writes nothing', async () => {
    const email = `bob-${unique().toLowerCase()}@example.com`;
    await register(email);

    const error = await refusal(register(email.toUpperCase()));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({
      rule: 'unique-customer-email',
      fields: { email: [`A customer with the email ${email} is already registered`] },
    });
    const [counts] = await admin$<{ customers: number; events: number }[]>`
      select (select count(*)::int from customers where email = ${email}) as customers,
             (select count(*)::int from journal where event_type = 'CustomerRegistered' and payload->>'email' = ${email}) as events`;
    expect(counts).toEqual({ customers: 1, events: 1 });
  });

  it('returns the first result for a repeated commandId and registers once', async () => {
    const email = `cy-${unique().toLowerCase()}@example.com`;
    const commandId = randomUUID();
    const first = await register(email, commandId);

    expect(await register(email, commandId)).toMatchObject({ id: first.id, version: 1 });
    expect(await journalRowsWithCommandId(commandId)).toBe(1);
  });

  it.each([
    { why: 'an empty email', email: '' },
    { why: 'an email without @', email: 'not-an-email' },
    { why: 'an email without a domain', email: 'ann@' },
    { why: 'an email with a space', email: 'ann smith@example.com' },
    { why: 'an email over 254 characters', email: `${'a'.repeat(250)}@example.com` },
  ])('refuses $why before it reaches the database', ({ email }) => {
    const result = registerCustomerInput.safeParse({ email, name: 'Ann Buyer' });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['email']);
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import postgres from 'postgres';
import superjson from 'superjson';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { archiveProductInput } from '@/server/commands/archiveProduct.input';
import { adjustStockInput } from '@/server/commands/adjustStock.input';
import { cancelOrderInput } from '@/server/commands/cancelOrder.input';
import { changePriceInput } from '@/server/commands/changePrice.input';
import { createCategoryInput } from '@/server/commands/createCategory.input';
import { createProductInput } from '@/server/commands/createProduct.input';
import { createWarehouseInput } from '@/server/commands/createWarehouse.input';
import { payOrderInput } from '@/server/commands/payOrder.input';
import { placeOrderInput } from '@/server/commands/placeOrder.input';
import { registerCustomerInput } from '@/server/commands/registerCustomer.input';
import { renameCategoryInput } from '@/server/commands/renameCategory.input';
import { restoreProductInput } from '@/server/commands/restoreProduct.input';
import { shipOrderInput } from '@/server/commands/shipOrder.input';
import { updateProductInput } from '@/server/commands/updateProduct.input';
import { apiClient, errorOf, loginAs, type ApiClient } from '../support/api';
import { writeModelFingerprint } from '../support/writeModel';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const admin$ = postgres(env.ADMIN_DATABASE_URL, { max: 2, onnotice: () => {} });
let admin: ApiClient;
let adminCookie: string;
let viewerCookie: string;

const id = () => randomUUID();
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.toUpperCase();

/** Every mutation of the contract with its input schema and one well-formed input. */
const MUTATIONS: { path: string; schema: z.ZodType; sample: Record<string, unknown> }[] = [
  { path: 'catalog.createCategory', schema: createCategoryInput, sample: { name: 'Lamps' } },
  { path: 'catalog.renameCategory', schema: renameCategoryInput, sample: { id: id(), expectedVersion: 1, name: 'Lights' } },
  { path: 'catalog.createProduct', schema: createProductInput, sample: { sku: 'FZ-1', name: 'Lamp', priceCents: 100, currency: 'EUR' } },
  { path: 'catalog.updateProduct', schema: updateProductInput, sample: { id: id(), expectedVersion: 1, name: 'Lamp 2' } },
  { path: 'catalog.changePrice', schema: changePriceInput, sample: { id: id(), expectedVersion: 1, priceCents: 250 } },
  { path: 'catalog.archiveProduct', schema: archiveProductInput, sample: { id: id(), expectedVersion: 1 } },
  { path: 'catalog.restoreProduct', schema: restoreProductInput, sample: { id: id(), expectedVersion: 1 } },
  { path: 'inventory.createWarehouse', schema: createWarehouseInput, sample: { code: 'FZ', name: 'Fuzz depot' } },
  { path: 'inventory.adjustStock', schema: adjustStockInput, sample: { productId: id(), warehouseId: id(), delta: 5, reason: 'count' } },
  { path: 'customers.register', schema: registerCustomerInput, sample: { email: 'fuzz@example.com', name: 'Fuzz' } },
  { path: 'orders.place', schema: placeOrderInput, sample: { customerId: id(), lines: [{ productId: id(), quantity: 1 }] } },
  { path: 'orders.pay', schema: payOrderInput, sample: { id: id(), expectedVersion: 1 } },
  { path: 'orders.ship', schema: shipOrderInput, sample: { id: id(), expectedVersion: 1 } },
  { path: 'orders.cancel', schema: cancelOrderInput, sample: { id: id(), expectedVersion: 1 } },
];

async function post(path: string, input: unknown, cookie?: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${webUrl}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify(superjson.serialize(input)),
  });
  return { status: res.status, body: await res.text() };
}

async function stockOf(productId: string): Promise<number> {
  const [row] = await admin$<{ total: number }[]>`select coalesce(sum(quantity), 0)::int as total from stock_levels where product_id = ${productId}`;
  return row!.total;
}

/** A sellable product with `units` in stock spread over two warehouses, and a customer. */
async function shopWithStock(units: [number, number], priceCents = 1500) {
  const tag = unique();
  const a = await admin.inventory.createWarehouse.mutate({ code: `A${tag}`.slice(0, 16), name: `North ${tag}` });
  const b = await admin.inventory.createWarehouse.mutate({ code: `B${tag}`.slice(0, 16), name: `South ${tag}` });
  const product = await admin.catalog.createProduct.mutate({ sku: `RACE-${tag}`, name: `Last lamp ${tag}`, priceCents, currency: 'EUR' });
  if (units[0]) await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: a.id, delta: units[0], reason: 'delivery' });
  if (units[1]) await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: b.id, delta: units[1], reason: 'delivery' });
  const customer = await admin.customers.register.mutate({ email: `buyer-${tag.toLowerCase()}@example.com`, name: `Buyer ${tag}` });
  return { product, customer, warehouses: [a, b] };
}

beforeAll(async () => {
  const a = await loginAs(webUrl, 'admin');
  admin = a.api;
  adminCookie = a.cookie;
  viewerCookie = (await loginAs(webUrl, 'viewer')).cookie;
});

afterAll(async () => {
  await admin$.end();
});

describe('write side over HTTP', () => {
  it('lets no viewer and no anonymous caller run any mutation, and nothing changes', async () => {
    const before = await writeModelFingerprint(admin$);
    for (const m of MUTATIONS) {
      expect((await post(m.path, m.sample, viewerCookie)).status, `${m.path} as viewer`).toBe(403);
      expect((await post(m.path, m.sample)).status, `${m.path} anonymous`).toBe(401);
    }
    expect(await writeModelFingerprint(admin$)).toEqual(before);
  });

  it('sells exactly the units in stock when 40 orders race for 10', async () => {
    const { product, customer } = await shopWithStock([6, 4]);
    const attempts = await Promise.allSettled(
      Array.from({ length: 40 }, () => admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 1 }] })),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    expect(won).toHaveLength(10);
    for (const lost of attempts.filter((a) => a.status === 'rejected')) {
      const reason = (lost as PromiseRejectedResult).reason as { data?: { code: string; rule: string } };
      expect(reason.data).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', rule: 'insufficient-stock' });
    }
    expect(await stockOf(product.id)).toBe(0);
    const [sold] = await admin$<{ units: number; orders: number }[]>`
      select coalesce(sum(quantity), 0)::int as units, count(distinct order_id)::int as orders from order_lines where product_id = ${product.id}`;
    expect(sold).toEqual({ units: 10, orders: 10 });
  });

  it('places one order for racing repeats of one commandId and answers them all alike', async () => {
    const { product, customer } = await shopWithStock([5, 0]);
    const commandId = randomUUID();
    const input = { customerId: customer.id, lines: [{ productId: product.id, quantity: 2 }], commandId };
    const results = await Promise.all(Array.from({ length: 15 }, () => admin.orders.place.mutate(input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await stockOf(product.id)).toBe(3);
    const [journal] = await admin$<{ n: number }[]>`select count(*)::int as n from journal where command_id = ${commandId}`;
    expect(journal!.n).toBe(1);
  });

  it('refuses a stale expectedVersion with the current version and keeps the newer write', async () => {
    const p = await admin.catalog.createProduct.mutate({ sku: `VER-${unique()}`, name: 'Versioned vase', priceCents: 1000, currency: 'EUR' });
    const first = await admin.catalog.changePrice.mutate({ id: p.id, expectedVersion: 1, priceCents: 1100 });
    expect(first.version).toBe(2);
    const stale = await errorOf(admin.catalog.changePrice.mutate({ id: p.id, expectedVersion: 1, priceCents: 900 }));
    expect(stale).toMatchObject({ code: 'CONFLICT', httpStatus: 409 });
    const data = await post('catalog.changePrice', { id: p.id, expectedVersion: 1, priceCents: 900 }, adminCookie);
    expect(JSON.parse(data.body).error.json.data.currentVersion).toBe(2);
    const [row] = await admin$<{ price_cents: number; version: number }[]>`select price_cents, version from products where id = ${p.id}`;
    expect(row).toEqual({ price_cents: 1100, version: 2 });
  });

  it('allows only legal order transitions and puts stock back on cancel', async () => {
    const { product, customer } = await shopWithStock([3, 0]);
    const order = await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 2 }] });
    expect(await stockOf(product.id)).toBe(1);

    const before = await writeModelFingerprint(admin$);
    const shipUnpaid = await errorOf(admin.orders.ship.mutate({ id: order.id, expectedVersion: order.version }));
    expect(shipUnpaid).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect(await writeModelFingerprint(admin$)).toEqual(before);

    const paid = await admin.orders.pay.mutate({ id: order.id, expectedVersion: order.version });
    const cancelled = await admin.orders.cancel.mutate({ id: order.id, expectedVersion: paid.version });
    expect(await stockOf(product.id)).toBe(3);
    expect(await errorOf(admin.orders.pay.mutate({ id: order.id, expectedVersion: cancelled.version }))).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });

    const second = await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 1 }] });
    const paid2 = await admin.orders.pay.mutate({ id: second.id, expectedVersion: second.version });
    const shipped = await admin.orders.ship.mutate({ id: second.id, expectedVersion: paid2.version });
    const late = await errorOf(admin.orders.cancel.mutate({ id: second.id, expectedVersion: shipped.version }));
    expect(late).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect(await stockOf(product.id)).toBe(2);
  });

  it('answers unknown ids with NOT_FOUND', async () => {
    expect(await errorOf(admin.orders.pay.mutate({ id: randomUUID(), expectedVersion: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(admin.catalog.changePrice.mutate({ id: randomUUID(), expectedVersion: 1, priceCents: 5 }))).toMatchObject({ code: 'NOT_FOUND' });
    const anonymous = apiClient(webUrl);
    expect(await errorOf(anonymous.auth.me.query())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('answers hundreds of malformed inputs to every mutation with a 400, never a 500, and changes nothing', async () => {
    const before = await writeModelFingerprint(admin$);
    const badValue = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      fc.double(),
      fc.string({ maxLength: 8 }),
      fc.constant('x'.repeat(30_000)),
      fc.constant(''),
      fc.constant('00000000-0000-0000-0000-00000000000g'),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
      fc.date({ noInvalidDate: true }),
    );
    for (const m of MUTATIONS) {
      const corrupted = fc.record({ key: fc.constantFrom(...Object.keys(m.sample), 'commandId', 'lines'), value: badValue }).map(({ key, value }) => ({ ...m.sample, [key]: value }));
      const anything = fc.oneof(fc.anything(), corrupted, corrupted, corrupted);
      await fc.assert(
        fc.asyncProperty(anything.filter((input) => !m.schema.safeParse(input).success), async (input) => {
          const { status, body } = await post(m.path, input, adminCookie);
          expect(status, `${m.path} ${body.slice(0, 300)}`).toBe(400);
          expect(JSON.parse(body).error.json.data.code).toBe('BAD_REQUEST');
        }),
        { numRuns: 30, seed: 20261123 },
      );
    }
    expect(await writeModelFingerprint(admin$)).toEqual(before);
  });
});

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '@/scripts/stack/processes';
import { apiClient, errorOf } from '../support/api';
import { startedProjectorAndLogins } from '../support/projectorAndLogins';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { admin, viewer } = startedProjectorAndLogins(env, webUrl);

// Other test files share the database: every name carries this run's tag.
const tag = `q${Date.now().toString(36)}`;
const ids = { zed: '', amy: '', o1: '', o2: '', o3: '', o4: '', lamp: '', vase: '' };
let lastPosition = '';

beforeAll(async () => {
  const warehouse = await admin.inventory.createWarehouse.mutate({ code: `Q${tag.slice(-8).toUpperCase()}`, name: `Query depot ${tag}` });
  const product = async (sku: string, name: string, priceCents: number, currency: string) => {
    const { id } = await admin.catalog.createProduct.mutate({ sku: `${sku}-${tag}`, name: `${name} ${tag}`, priceCents, currency });
    await admin.inventory.adjustStock.mutate({ productId: id, warehouseId: warehouse.id, delta: 50, reason: 'query test' });
    return id;
  };
  ids.lamp = await product('LAMP', 'Lamp', 1000, 'EUR');
  ids.vase = await product('VASE', 'Vase', 2500, 'EUR');
  const kettle = await product('KETTLE', 'Kettle', 700, 'USD');
  // Only a literal match of "50%off" tells these two apart.
  ids.zed = (await admin.customers.register.mutate({ name: `Zed 50xoff ${tag}`, email: `zed-${tag}@example.com` })).id;
  ids.amy = (await admin.customers.register.mutate({ name: `Amy 50%off ${tag}`, email: `amy-${tag}@example.com` })).id;

  const place = (customerId: string, productId: string, quantity: number) => admin.orders.place.mutate({ customerId, lines: [{ productId, quantity }] });
  const o1 = await place(ids.zed, ids.lamp, 2); // 20.00 EUR
  const o2 = await place(ids.zed, ids.vase, 1); // 25.00 EUR, paid
  const paid = await admin.orders.pay.mutate({ id: o2.id, expectedVersion: o2.version });
  const o3 = await place(ids.zed, kettle, 3); // 21.00 USD
  const o4 = await place(ids.amy, ids.lamp, 1); // 10.00 EUR, cancelled
  const cancelled = await admin.orders.cancel.mutate({ id: o4.id, expectedVersion: o4.version });
  Object.assign(ids, { o1: o1.id, o2: paid.id, o3: o3.id, o4: cancelled.id });
  lastPosition = cancelled.position;
  await waitFor('the read models to apply the last order', async () => (await admin.customers.get.query({ id: ids.amy, after: lastPosition })).fresh, 60_000, 100);
});

const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe('orders.list', () => {
  it('lists one customer’s orders newest first, oldest first, or largest total first', async () => {
    expect(idsOf(await admin.orders.list.query({ customerId: ids.zed }))).toEqual([ids.o3, ids.o2, ids.o1]);
    expect(idsOf(await admin.orders.list.query({ customerId: ids.zed, sort: 'placed:asc' }))).toEqual([ids.o1, ids.o2, ids.o3]);
    expect(idsOf(await admin.orders.list.query({ customerId: ids.zed, sort: 'total:desc' }))).toEqual([ids.o2, ids.o3, ids.o1]);
  });

  it('filters by status and by customer name or email, wildcards taken literally', async () => {
    expect(idsOf(await admin.orders.list.query({ customerId: ids.zed, status: ['paid', 'cancelled'] }))).toEqual([ids.o2]);
    expect(idsOf(await admin.orders.list.query({ q: tag, status: ['cancelled'] }))).toEqual([ids.o4]);
    expect(idsOf(await admin.orders.list.query({ q: `50%OFF ${tag}` }))).toEqual([ids.o4]);
    expect(idsOf(await admin.orders.list.query({ q: `ZED-${tag}@example` }))).toEqual([ids.o3, ids.o2, ids.o1]);
  });

  it('bounds the placed time: from included, to excluded', async () => {
    const { order: second } = await admin.orders.get.query({ id: ids.o2 });
    expect(idsOf(await admin.orders.list.query({ customerId: ids.zed, from: second.placedAt, sort: 'placed:asc' }))).toEqual([ids.o2, ids.o3]);
    expect(idsOf(await admin.orders.list.query({ customerId: ids.zed, to: second.placedAt }))).toEqual([ids.o1]);
  });

  it('pages with a total, and shows every field of a list item', async () => {
    const page = await admin.orders.list.query({ customerId: ids.zed, pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toEqual([
      {
        id: ids.o1,
        customerId: ids.zed,
        customerName: `Zed 50xoff ${tag}`,
        customerEmail: `zed-${tag}@example.com`,
        status: 'placed',
        currency: 'EUR',
        totalCents: 2000,
        lineCount: 1,
        itemCount: 2,
        version: 1,
        placedAt: expect.any(Date),
        updatedAt: expect.any(Date),
      },
    ]);
  });

  it('refuses a range that ends before it starts', async () => {
    const refused = await errorOf(admin.orders.list.query({ from: new Date('2026-02-01'), to: new Date('2026-01-01') }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fieldErrors?.to).toEqual(['from must not be after to']);
  });
});

describe('orders.get', () => {
  it('names the lines after their products and lists the statuses the order went through', async () => {
    const answer = await admin.orders.get.query({ id: ids.o2, after: lastPosition });
    expect(answer.fresh).toBe(true);
    expect(answer.order.status).toBe('paid');
    expect(answer.order.items).toEqual([
      { lineNo: 1, productId: ids.vase, sku: `VASE-${tag}`, name: `Vase ${tag}`, quantity: 1, unitPriceCents: 2500, lineTotalCents: 2500 },
    ]);
    expect(answer.order.history.map((change) => change.status)).toEqual(['placed', 'paid']);
    expect(answer.order.history[1]!.at).toEqual(answer.order.paidAt);

    const cancelled = await viewer.orders.get.query({ id: ids.o4 });
    expect(cancelled.order.history.map((change) => change.status)).toEqual(['placed', 'cancelled']);
  });

  it('answers NOT_FOUND for an order it does not know', async () => {
    expect(await errorOf(admin.orders.get.query({ id: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('customers.list and customers.get', () => {
  it('sorts by name, lifetime value or last order, and matches wildcards literally', async () => {
    expect(idsOf(await admin.customers.list.query({ q: tag }))).toEqual([ids.amy, ids.zed]);
    expect(idsOf(await admin.customers.list.query({ q: tag, sort: 'lifetimeValue:desc' }))).toEqual([ids.zed, ids.amy]);
    expect(idsOf(await admin.customers.list.query({ q: tag, sort: 'lastOrder:desc' }))).toEqual([ids.amy, ids.zed]);
    expect(idsOf(await admin.customers.list.query({ q: `50%off ${tag}` }))).toEqual([ids.amy]);
  });

  it('counts every order and values those not cancelled, per currency', async () => {
    const { items } = await admin.customers.list.query({ q: tag });
    expect(items.find((c) => c.id === ids.zed)).toMatchObject({
      orderCount: 3,
      lifetimeValueCents: 6600,
      lifetimeValue: [
        { currency: 'EUR', cents: 4500 },
        { currency: 'USD', cents: 2100 },
      ],
    });
    expect(items.find((c) => c.id === ids.amy)).toMatchObject({ orderCount: 1, lifetimeValueCents: 0, lifetimeValue: [] });
  });

  it('shows one customer with their orders, newest first, a page at a time', async () => {
    const answer = await viewer.customers.get.query({ id: ids.zed, ordersPageSize: 2 });
    expect(answer.fresh).toBe(true);
    expect(answer.customer).toMatchObject({ name: `Zed 50xoff ${tag}`, orderCount: 3, lastOrderAt: expect.any(Date) });
    expect(answer.orders).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(idsOf(answer.orders)).toEqual([ids.o3, ids.o2]);
    expect(idsOf((await viewer.customers.get.query({ id: ids.zed, ordersPage: 2, ordersPageSize: 2 })).orders)).toEqual([ids.o1]);
  });

  it('is closed to anonymous callers', async () => {
    const anonymous = apiClient(webUrl);
    expect(await errorOf(anonymous.customers.list.query({}))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await errorOf(anonymous.orders.list.query({}))).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

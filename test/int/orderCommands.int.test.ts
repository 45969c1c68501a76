import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { commandDatabase } from '../support/commandDatabase';
import { refusal } from '../support/refusal';
import { unique } from '../support/unique';
import { seedStaff } from '@/scripts/seed/seedDemoData';
import { cancelOrder } from '@/server/commands/cancelOrder';
import { cancelOrderInput } from '@/server/commands/cancelOrder.input';
import { createProduct } from '@/server/commands/createProduct';
import { createProductInput } from '@/server/commands/createProduct.input';
import { payOrder } from '@/server/commands/payOrder';
import { payOrderInput } from '@/server/commands/payOrder.input';
import { placeOrder } from '@/server/commands/placeOrder';
import { placeOrderInput } from '@/server/commands/placeOrder.input';
import type { Actor, CommandResult } from '@/server/commands/runCommand';
import { shipOrder } from '@/server/commands/shipOrder';
import { shipOrderInput } from '@/server/commands/shipOrder.input';
import { DomainError } from '@/server/domain/errors';

const env = inject('stackEnv');
const { write, admin$, deps } = commandDatabase(env, { applicationName: 'orderCommands.int.test' });
let actor: Actor;

beforeAll(async () => {
  actor = await seedStaff(write.db);
});

// ---- fixtures: other test files share the database, so every name is unique ----

async function newWarehouse(): Promise<string> {
  const code = `W${unique()}`;
  const [row] = await admin$<{ id: string }[]>`insert into warehouses (code, name) values (${code}, ${`Depot ${code}`}) returning id`;
  return row!.id;
}

async function newCustomer(): Promise<string> {
  const tag = unique().toLowerCase();
  const [row] = await admin$<{ id: string }[]>`
    insert into customers (email, name) values (${`buyer-${tag}@example.com`}, ${`Buyer ${tag}`}) returning id`;
  return row!.id;
}

async function newProduct(options: { priceCents?: number; currency?: string; status?: 'draft' | 'active' } = {}): Promise<string> {
  const sku = `ORD-${unique()}`;
  const input = createProductInput.parse({ sku, name: `Lamp ${sku}`, priceCents: 1500, currency: 'EUR', ...options });
  return (await createProduct(deps, actor, input)).id;
}

async function putStock(productId: string, warehouseId: string, quantity: number): Promise<void> {
  await admin$`insert into stock_levels (product_id, warehouse_id, quantity) values (${productId}, ${warehouseId}, ${quantity})`;
}

/** A customer and a product with stock in two new warehouses, `north` and `south`. */
async function shopWithStock(north: number, south: number, priceCents = 1500) {
  const warehouses = { north: await newWarehouse(), south: await newWarehouse() };
  const productId = await newProduct({ priceCents });
  await putStock(productId, warehouses.north, north);
  await putStock(productId, warehouses.south, south);
  return { productId, ...warehouses, customerId: await newCustomer() };
}

// ---- calling the handlers as the router does: parsed input, an admin actor ----

type Line = { productId: string; quantity: number };
const place = (customerId: string, lines: Line[], commandId?: string) =>
  placeOrder(deps, actor, placeOrderInput.parse({ customerId, lines, commandId }));
const transitionInput = (order: Pick<CommandResult, 'id' | 'version'>, commandId?: string) => ({
  id: order.id,
  expectedVersion: order.version,
  commandId,
});
const pay = (order: Pick<CommandResult, 'id' | 'version'>, commandId?: string) =>
  payOrder(deps, actor, payOrderInput.parse(transitionInput(order, commandId)));
const ship = (order: Pick<CommandResult, 'id' | 'version'>) => shipOrder(deps, actor, shipOrderInput.parse(transitionInput(order)));
const cancel = (order: Pick<CommandResult, 'id' | 'version'>) => cancelOrder(deps, actor, cancelOrderInput.parse(transitionInput(order)));


// ---- reading the write model ----

async function stockOf(productId: string): Promise<Record<string, { quantity: number; version: number }>> {
  const rows = await admin$<{ warehouse_id: string; quantity: number; version: number }[]>`
    select warehouse_id, quantity, version from stock_levels where product_id = ${productId}`;
  return Object.fromEntries(rows.map((r) => [r.warehouse_id, { quantity: r.quantity, version: r.version }]));
}

async function orderRow(id: string) {
  const [row] = await admin$`select * from orders where id = ${id}`;
  return row!;
}

async function allocationsOf(orderId: string) {
  return admin$<{ line_no: number; warehouse_id: string; quantity: number }[]>`
    select line_no, warehouse_id, quantity from order_allocations where order_id = ${orderId} order by line_no, quantity desc`;
}

async function journalOf(orderId: string) {
  return admin$<{ command: string; event_type: string; schema_version: number; aggregate_version: number; payload: Record<string, unknown> }[]>`
    select command, event_type, schema_version, aggregate_version, payload from journal
     where aggregate_type = 'order' and aggregate_id = ${orderId} order by id`;
}

/** Everything an order command of this customer on these products could have written. */
async function footprint(customerId: string, productIds: string[]) {
  const [orders] = await admin$<{ orders: number; lines: number; journal: number }[]>`
    select (select count(*)::int from orders where customer_id = ${customerId}) as orders,
           (select count(*)::int from order_lines where product_id in ${admin$(productIds)}) as lines,
           (select count(*)::int from journal where aggregate_type = 'order') as journal`;
  return { ...orders, stock: await Promise.all(productIds.map(stockOf)) };
}

describe('orders.place', () => {
  it('prices the lines at order time, takes units from the fullest warehouses, lowers stock and totals the order', async () => {
    const { productId: lamp, north, south, customerId } = await shopWithStock(3, 5, 1500);
    const bulb = await newProduct({ priceCents: 250 });
    await putStock(bulb, north, 10);

    const order = await place(customerId, [
      { productId: lamp, quantity: 6 },
      { productId: bulb, quantity: 2 },
    ]);
    expect(order).toMatchObject({ version: 1, position: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/) });
    await admin$`update products set price_cents = 9999 where id in ${admin$([lamp, bulb])}`;

    expect(await orderRow(order.id)).toMatchObject({
      customer_id: customerId,
      status: 'placed',
      currency: 'EUR',
      total_cents: 6 * 1500 + 2 * 250,
      version: 1,
      paid_at: null,
      placed_at: expect.any(Date),
    });
    expect(await admin$`select line_no, product_id, quantity, unit_price_cents from order_lines where order_id = ${order.id} order by line_no`).toEqual([
      { line_no: 1, product_id: lamp, quantity: 6, unit_price_cents: 1500 },
      { line_no: 2, product_id: bulb, quantity: 2, unit_price_cents: 250 },
    ]);
    expect(await allocationsOf(order.id)).toEqual([
      { line_no: 1, warehouse_id: south, quantity: 5 },
      { line_no: 1, warehouse_id: north, quantity: 1 },
      { line_no: 2, warehouse_id: north, quantity: 2 },
    ]);
    expect(await stockOf(lamp)).toEqual({ [north]: { quantity: 2, version: 2 }, [south]: { quantity: 0, version: 2 } });
    expect(await stockOf(bulb)).toEqual({ [north]: { quantity: 8, version: 2 } });

    const [event] = await journalOf(order.id);
    expect(event).toMatchObject({ command: 'orders.place', event_type: 'OrderPlaced', schema_version: 1, aggregate_version: 1 });
    expect(event!.payload).toMatchObject({
      customerId,
      currency: 'EUR',
      totalCents: 9500,
      lines: [
        { lineNo: 1, productId: lamp, quantity: 6, unitPriceCents: 1500 },
        { lineNo: 2, productId: bulb, quantity: 2, unitPriceCents: 250 },
      ],
    });
  });

  it('sells exactly the 10 units in stock when 40 single-unit orders race for them', async () => {
    const { productId, north, south, customerId } = await shopWithStock(6, 4);
    const attempts = await Promise.allSettled(Array.from({ length: 40 }, () => place(customerId, [{ productId, quantity: 1 }])));

    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(10);
    const refused = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
    expect(refused).toHaveLength(30);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(DomainError);
      expect(reason).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'insufficient-stock', productId, requested: 1, available: 0 } });
    }
    expect(await stockOf(productId)).toMatchObject({ [north]: { quantity: 0 }, [south]: { quantity: 0 } });
    const [sold] = await admin$<{ allocated: number; orders: number }[]>`
      select coalesce(sum(a.quantity), 0)::int as allocated, count(distinct a.order_id)::int as orders
        from order_allocations a join order_lines l using (order_id, line_no) where l.product_id = ${productId}`;
    expect(sold).toEqual({ allocated: 10, orders: 10 });
  });

  it('never deadlocks when orders name the same products in opposite orders while others are cancelled', async () => {
    const { productId: lamp, north, south, customerId } = await shopWithStock(20, 20);
    const shade = await newProduct();
    await putStock(shade, north, 20);
    await putStock(shade, south, 20);
    const both = (first: string, second: string): Line[] => [
      { productId: first, quantity: 1 },
      { productId: second, quantity: 1 },
    ];
    const earlier = await Promise.all(Array.from({ length: 10 }, () => place(customerId, both(lamp, shade))));

    const outcomes = await Promise.allSettled([
      ...earlier.map((order) => cancel(order)),
      ...Array.from({ length: 30 }, (_, i) => place(customerId, i % 2 ? both(lamp, shade) : both(shade, lamp))),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    for (const product of [lamp, shade]) {
      const stock = Object.values(await stockOf(product));
      expect(stock.reduce((sum, row) => sum + row.quantity, 0)).toBe(40 - 30);
    }
  });

  it('refuses a whole multi-line order when one line is short, and writes nothing', async () => {
    const { productId: plenty, customerId } = await shopWithStock(5, 0);
    const { productId: scarce } = await shopWithStock(1, 1);
    const before = await footprint(customerId, [plenty, scarce]);

    const error = await refusal(
      place(customerId, [
        { productId: plenty, quantity: 2 },
        { productId: scarce, quantity: 3 },
      ]),
    );
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual({ rule: 'insufficient-stock', productId: scarce, requested: 3, available: 2 });
    expect(error.message).toMatch(/Not enough stock of .*: 3 requested, 2 available/);
    expect(await footprint(customerId, [plenty, scarce])).toEqual(before);
  });

  it('refuses products that cannot be sold, unknown products and customers, and mixed currencies, writing nothing', async () => {
    const { productId: archived, customerId } = await shopWithStock(5, 5);
    await admin$`update products set status = 'archived' where id = ${archived}`;
    const draft = await newProduct({ status: 'draft' });
    const euros = await newProduct({ currency: 'EUR' });
    const dollars = await newProduct({ currency: 'USD' });
    const before = await footprint(customerId, [archived, draft, euros, dollars]);

    const archivedRefusal = await refusal(place(customerId, [{ productId: archived, quantity: 1 }]));
    expect(archivedRefusal.code).toBe('RULE_VIOLATION');
    expect(archivedRefusal.details).toMatchObject({ rule: 'product-not-orderable', productId: archived, status: 'archived' });
    expect(archivedRefusal.message).toMatch(/is archived and cannot be ordered$/);
    expect((await refusal(place(customerId, [{ productId: draft, quantity: 1 }]))).details).toMatchObject({
      rule: 'product-not-orderable',
      status: 'draft',
    });

    const unknownProduct = randomUUID();
    const missing = await refusal(place(customerId, [{ productId: unknownProduct, quantity: 1 }]));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: `Product ${unknownProduct} does not exist` });
    expect(await refusal(place(randomUUID(), [{ productId: euros, quantity: 1 }]))).toMatchObject({ code: 'NOT_FOUND' });

    const mixed = await refusal(
      place(customerId, [
        { productId: euros, quantity: 1 },
        { productId: dollars, quantity: 1 },
      ]),
    );
    expect(mixed.details).toEqual({ rule: 'mixed-currency', currencies: ['EUR', 'USD'] });
    expect(await footprint(customerId, [archived, draft, euros, dollars])).toEqual(before);
  });

  it('places one order for a repeated commandId and returns the first result', async () => {
    const { productId, customerId } = await shopWithStock(5, 0);
    const commandId = randomUUID();
    const first = await place(customerId, [{ productId, quantity: 2 }], commandId);
    const again = await place(customerId, [{ productId, quantity: 2 }], commandId);

    expect({ id: again.id, version: again.version }).toEqual({ id: first.id, version: first.version });
    expect(Object.values(await stockOf(productId)).reduce((sum, row) => sum + row.quantity, 0)).toBe(3);
    const [journal] = await admin$<{ n: number }[]>`select count(*)::int as n from journal where command_id = ${commandId}`;
    expect(journal!.n).toBe(1);
  });
});

describe('orders.pay, orders.ship, orders.cancel', () => {
  it('pays and then ships an order, stamping each step and raising the version', async () => {
    const { productId, customerId } = await shopWithStock(2, 0);
    const placed = await place(customerId, [{ productId, quantity: 1 }]);

    const paid = await pay(placed);
    expect(paid).toMatchObject({ id: placed.id, version: 2 });
    expect(await orderRow(placed.id)).toMatchObject({ status: 'paid', version: 2, paid_at: expect.any(Date), shipped_at: null });

    const shipped = await ship(paid);
    expect(shipped).toMatchObject({ id: placed.id, version: 3 });
    expect(await orderRow(placed.id)).toMatchObject({ status: 'shipped', version: 3, shipped_at: expect.any(Date), cancelled_at: null });

    const events = await journalOf(placed.id);
    expect(events.map((e) => [e.event_type, e.aggregate_version, e.payload.from, e.payload.to])).toEqual([
      ['OrderPlaced', 1, undefined, undefined],
      ['OrderPaid', 2, 'placed', 'paid'],
      ['OrderShipped', 3, 'paid', 'shipped'],
    ]);
  });

  it('refuses illegal transitions and leaves the order and the stock as they were', async () => {
    const { productId, customerId } = await shopWithStock(4, 0);
    const placed = await place(customerId, [{ productId, quantity: 1 }]);
    const placedRow = await orderRow(placed.id);

    const shipUnpaid = await refusal(ship(placed));
    expect(shipUnpaid.code).toBe('RULE_VIOLATION');
    expect(shipUnpaid.details).toEqual({ rule: 'illegal-transition', from: 'placed', to: 'shipped' });
    expect(await orderRow(placed.id)).toEqual(placedRow);

    const shipped = await ship(await pay(await place(customerId, [{ productId, quantity: 1 }])));
    const shippedRow = await orderRow(shipped.id);
    const stockBefore = await stockOf(productId);
    const lateCancel = await refusal(cancel(shipped));
    expect(lateCancel.message).toBe('A shipped order cannot be cancelled');
    expect(lateCancel.details).toEqual({ rule: 'illegal-transition', from: 'shipped', to: 'cancelled' });
    expect(await orderRow(shipped.id)).toEqual(shippedRow);
    expect(await stockOf(productId)).toEqual(stockBefore);
    expect(await journalOf(shipped.id)).toHaveLength(3);
  });

  it('cancelling puts every allocated unit back into the warehouse it came from', async () => {
    const { productId, north, south, customerId } = await shopWithStock(3, 5);
    const paidOrder = await pay(await place(customerId, [{ productId, quantity: 6 }]));
    expect(await stockOf(productId)).toMatchObject({ [north]: { quantity: 2 }, [south]: { quantity: 0 } });

    const cancelled = await cancel(paidOrder);
    expect(cancelled).toMatchObject({ id: paidOrder.id, version: 3 });
    expect(await orderRow(paidOrder.id)).toMatchObject({ status: 'cancelled', version: 3, cancelled_at: expect.any(Date) });
    expect(await stockOf(productId)).toEqual({ [north]: { quantity: 3, version: 3 }, [south]: { quantity: 5, version: 3 } });
    const events = await journalOf(paidOrder.id);
    expect(events.at(-1)).toMatchObject({ event_type: 'OrderCancelled', payload: { from: 'paid', to: 'cancelled' } });
    expect(events.at(-1)!.payload.restocked).toEqual(
      expect.arrayContaining([
        { productId, warehouseId: north, quantity: 1 },
        { productId, warehouseId: south, quantity: 5 },
      ]),
    );

    const unpaid = await place(customerId, [{ productId, quantity: 2 }]);
    await cancel(unpaid);
    expect(await stockOf(productId)).toMatchObject({ [north]: { quantity: 3 }, [south]: { quantity: 5 } });
  });

  it('refuses a stale expectedVersion with the current version, and an unknown order', async () => {
    const { productId, customerId } = await shopWithStock(2, 0);
    const placed = await place(customerId, [{ productId, quantity: 1 }]);
    await pay(placed);
    const paidRow = await orderRow(placed.id);

    const stale = await refusal(cancel(placed));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toMatchObject({ rule: 'expected-version', currentVersion: 2 });
    expect(await orderRow(placed.id)).toEqual(paidRow);

    expect(await refusal(pay({ id: randomUUID(), version: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers a repeated commandId with the first result instead of a conflict', async () => {
    const { productId, customerId } = await shopWithStock(2, 0);
    const placed = await place(customerId, [{ productId, quantity: 1 }]);
    const commandId = randomUUID();
    const first = await pay(placed, commandId);
    const again = await pay(placed, commandId);

    expect({ id: again.id, version: again.version }).toEqual({ id: first.id, version: 2 });
    expect(await journalOf(placed.id)).toHaveLength(2);
  });
});

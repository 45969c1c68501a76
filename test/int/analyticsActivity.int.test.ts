import { describe, expect, inject, it } from 'vitest';
import { errorOf } from '../support/api';
import { waitForCheckpoints } from '../support/projector';
import { startedProjectorAndLogins } from '../support/projectorAndLogins';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { admin, viewer } = startedProjectorAndLogins(env, webUrl);
/** A currency no other test file sells in: sales and rankings below are this file's alone. */
const CURRENCY = 'ISK';
const today = new Date().toISOString().slice(0, 10);

const applied = (position: string) => waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, position, 120_000);

async function stockedProduct(sku: string, priceCents: number, units: number, warehouseId: string) {
  const product = await admin.catalog.createProduct.mutate({ sku, name: `Analytics ${sku}`, priceCents, currency: CURRENCY });
  await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId, delta: units, reason: 'analytics test' });
  return product;
}

describe('analytics', () => {
  it('answers daily sales, best sellers and low stock from the read models', async () => {
    const warehouse = await admin.inventory.createWarehouse.mutate({ code: 'ANL-1', name: 'Analytics' });
    const bowl = await stockedProduct('ANL-BOWL', 50_000, 40, warehouse.id);
    const cup = await stockedProduct('ANL-CUP', 1_000, 100, warehouse.id);
    const draft = await admin.catalog.createProduct.mutate({ sku: 'ANL-DRAFT', name: 'Analytics draft', priceCents: 1, currency: CURRENCY, status: 'draft' });
    const customer = await admin.customers.register.mutate({ email: 'analytics@example.com', name: 'Ana Lytics' });
    await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: bowl.id, quantity: 40 }, { productId: cup.id, quantity: 5 }] });
    await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: cup.id, quantity: 50 }] });
    const third = await admin.orders.place.mutate({ customerId: customer.id, lines: [{ productId: cup.id, quantity: 7 }] });
    const cancelled = await admin.orders.cancel.mutate({ id: third.id, expectedVersion: third.version });
    await applied(cancelled.position);

    // Cancelled orders do not count; every day of the range is there.
    const sales = await viewer.analytics.salesDaily.query({ currency: CURRENCY.toLowerCase() });
    expect(sales.to).toBe(today);
    expect(sales.series).toHaveLength(1);
    const [series] = sales.series;
    expect(series!.days).toHaveLength(30);
    expect(series!.days.at(-1)).toEqual({ day: today, orders: 2, units: 95, revenueCents: 40 * 50_000 + 55 * 1_000 });
    expect(series!.days.slice(0, -1).every((d) => d.orders === 0 && d.revenueCents === 0)).toBe(true);
    expect(series!.totals).toEqual({ orders: 2, units: 95, revenueCents: 2_055_000 });
    const all = await viewer.analytics.salesDaily.query({ from: today, to: today });
    expect(all.series.find((s) => s.currency === CURRENCY)?.totals.orders).toBe(2);

    const byRevenue = await viewer.analytics.topProducts.query({ currency: CURRENCY });
    expect(byRevenue.items.map((p) => [p.sku, p.unitsSold, p.revenueCents, p.stockTotal])).toEqual([
      ['ANL-BOWL', 40, 2_000_000, 0],
      ['ANL-CUP', 55, 55_000, 45],
    ]);
    const byUnits = await viewer.analytics.topProducts.query({ currency: CURRENCY, by: 'units', limit: 1 });
    expect(byUnits.items.map((p) => p.sku)).toEqual(['ANL-CUP']);

    // The sold-out best seller leads; a draft with no stock is not "low stock".
    const low = await viewer.analytics.lowStock.query({ threshold: 0, limit: 50 });
    expect(low.items[0]).toMatchObject({ id: bowl.id, stockTotal: 0, unitsSold: 40 });
    expect(low.items.some((p) => p.id === draft.id)).toBe(false);
    expect(low.total).toBeGreaterThanOrEqual(low.items.length);
    const sorted = [...low.items].sort((a, b) => a.stockTotal - b.stockTotal || b.unitsSold - a.unitsSold || a.name.localeCompare(b.name));
    expect(low.items.map((p) => p.id)).toEqual(sorted.map((p) => p.id));
    // Other test files leave many low-stock products behind: compare totals around the cup's 45 units instead of one page.
    const under = await viewer.analytics.lowStock.query({ threshold: 44, limit: 50 });
    const at = await viewer.analytics.lowStock.query({ threshold: 45, limit: 50 });
    expect(under.items.some((p) => p.id === cup.id)).toBe(false);
    expect(at.total).toBeGreaterThan(under.total);
  });

  it('refuses a backwards or too long range and bad limits, naming the field', async () => {
    for (const input of [{ from: '2025-02-01', to: '2025-01-01' }, { from: '2023-01-01', to: '2025-01-01' }, { from: '1999-01-01' }]) {
      const error = await errorOf(admin.analytics.salesDaily.query(input));
      expect(error.code).toBe('BAD_REQUEST');
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(['from']);
    }
    expect((await errorOf(admin.analytics.topProducts.query({ limit: 51 }))).fieldErrors).toHaveProperty('limit');
    expect((await errorOf(admin.analytics.lowStock.query({ threshold: -1 }))).fieldErrors).toHaveProperty('threshold');
  });
});

describe('activity', () => {
  it('lists the journal newest first, narrowed by aggregate, actor and command, with read-your-writes', async () => {
    const { user } = await admin.auth.me.query();
    const lamp = await admin.catalog.createProduct.mutate({ sku: 'ACT-LAMP', name: 'Activity lamp', priceCents: 900, currency: 'EUR' });
    const priced = await admin.catalog.changePrice.mutate({ id: lamp.id, expectedVersion: lamp.version, priceCents: 950 });

    const history = await viewer.activity.list.query({ aggregateType: 'product', aggregateId: lamp.id, after: priced.position });
    expect(history.fresh).toBe(true);
    expect(history.total).toBe(2);
    expect(history.items.map((e) => [e.command, e.eventType, e.aggregateVersion])).toEqual([
      ['catalog.changePrice', 'ProductPriceChanged', 2],
      ['catalog.createProduct', 'ProductCreated', 1],
    ]);
    expect(history.items[1]).toMatchObject({ aggregateType: 'product', aggregateId: lamp.id, actor: { id: user.id, email: user.email, name: user.name } });
    expect(history.items[1]!.event).toMatchObject({ type: 'ProductCreated', schemaVersion: 2, payload: { sku: 'ACT-LAMP', priceCents: 900, description: '' } });

    const page2 = await viewer.activity.list.query({ aggregateId: lamp.id, pageSize: 1, page: 2 });
    expect(page2.items.map((e) => e.command)).toEqual(['catalog.createProduct']);
    expect(page2.total).toBe(2);
    const priceChanges = await viewer.activity.list.query({ aggregateId: lamp.id, command: 'catalog.changePrice' });
    expect(priceChanges.items).toHaveLength(1);
    const byAdmin = await viewer.activity.list.query({ actorId: user.id, pageSize: 100 });
    expect(byAdmin.items.every((e) => e.actor?.id === user.id)).toBe(true);
    expect(byAdmin.items.map((e) => Number(e.id))).toEqual([...byAdmin.items.map((e) => Number(e.id))].sort((a, b) => b - a));
    expect((await viewer.activity.list.query({ aggregateType: 'no-such-type' })).total).toBe(0);

    const actors = await viewer.activity.actors.query();
    expect(actors.find((a) => a.id === user.id)).toMatchObject({ name: user.name, email: user.email });
    expect(actors.find((a) => a.id === user.id)!.entries).toBeGreaterThanOrEqual(2);

    expect((await errorOf(viewer.activity.list.query({ actorId: 'nobody' }))).fieldErrors).toHaveProperty('actorId');
    expect((await errorOf(viewer.activity.list.query({ pageSize: 101 }))).code).toBe('BAD_REQUEST');
  });
});

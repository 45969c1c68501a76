import { describe, expect, inject, it } from 'vitest';
import { waitFor } from '@/scripts/stack/processes';
import { apiClient, errorOf } from '../support/api';
import { startedProjectorAndLogins } from '../support/projectorAndLogins';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { admin, viewer } = startedProjectorAndLogins(env, webUrl, { warmUp: 'Int Warm-up' });

describe('inventory.warehouses', () => {
  it('lists a new warehouse at once with `after`, empty, then with the products and units it holds', async () => {
    const empty = await admin.inventory.createWarehouse.mutate({ code: 'int-empty', name: 'Empty Hall' });
    const listed = await viewer.inventory.warehouses.query({ after: empty.position });
    expect(listed.fresh).toBe(true);
    expect(listed.items.find((w) => w.id === empty.id)).toMatchObject({ code: 'INT-EMPTY', name: 'Empty Hall', productCount: 0, units: 0 });
    expect(listed.items.find((w) => w.id === empty.id)!.createdAt).toBeInstanceOf(Date);

    const stocked = await admin.inventory.createWarehouse.mutate({ code: 'INT-FULL', name: 'Full Hall' });
    const products = await Promise.all(
      ['A', 'B', 'C'].map((k) => admin.catalog.createProduct.mutate({ sku: `INT-WH-${k}`, name: `Crate ${k}`, priceCents: 100, currency: 'EUR' })),
    );
    await admin.inventory.adjustStock.mutate({ productId: products[0]!.id, warehouseId: stocked.id, delta: 7, reason: 'delivery' });
    await admin.inventory.adjustStock.mutate({ productId: products[1]!.id, warehouseId: stocked.id, delta: 3, reason: 'delivery' });
    // A level that went back to zero still exists, but the product is no longer in stock there.
    await admin.inventory.adjustStock.mutate({ productId: products[2]!.id, warehouseId: stocked.id, delta: 2, reason: 'delivery' });
    const last = await admin.inventory.adjustStock.mutate({ productId: products[2]!.id, warehouseId: stocked.id, delta: -2, reason: 'count' });

    const after = await admin.inventory.warehouses.query({ after: last.position });
    expect(after.fresh).toBe(true);
    const codes = after.items.map((w) => w.code);
    expect(codes).toEqual([...codes].sort());
    expect(after.items.find((w) => w.id === stocked.id)).toMatchObject({ code: 'INT-FULL', productCount: 2, units: 10 });
    expect(after.items.find((w) => w.id === empty.id)).toMatchObject({ productCount: 0, units: 0 });
  });

  it('needs a session', async () => {
    expect(await errorOf(apiClient(webUrl).inventory.warehouses.query({}))).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('catalog.categories with after', () => {
  it('shows a rename and a move at once, and reports freshness', async () => {
    const outdoor = await admin.catalog.createCategory.mutate({ name: 'Int Outdoor' });
    const tents = await admin.catalog.createCategory.mutate({ name: 'Int Tents', parentId: outdoor.id });
    const renamed = await admin.catalog.renameCategory.mutate({ id: tents.id, expectedVersion: 1, name: 'Int Shelters' });
    const first = await viewer.catalog.categories.query({ after: renamed.position });
    expect(first.fresh).toBe(true);
    expect(first.items.find((c) => c.id === tents.id)).toMatchObject({ path: ['Int Outdoor', 'Int Shelters'], depth: 1, version: 2 });

    const moved = await admin.catalog.renameCategory.mutate({ id: tents.id, expectedVersion: 2, parentId: null });
    const second = await viewer.catalog.categories.query({ after: moved.position });
    expect(second.items.find((c) => c.id === tents.id)).toMatchObject({ path: ['Int Shelters'], depth: 0, parentId: null });
  });
});

describe('search.products facet counts', () => {
  it('counts a filtered facet as if its own filter were off, and every other facet within all filters', async () => {
    const made = [
      { sku: 'INT-FC-1', brand: 'Quillon', tags: ['eco'] },
      { sku: 'INT-FC-2', brand: 'Quillon', tags: [] },
      { sku: 'INT-FC-3', brand: 'Ravelin', tags: ['eco'] },
    ];
    for (const p of made) await admin.catalog.createProduct.mutate({ ...p, name: `Bastionword ${p.sku}`, priceCents: 500, currency: 'EUR' });
    await waitFor('the products to be searchable', async () => (await admin.search.products.query({ q: 'bastionword' })).total === 3, 30_000, 100);

    const result = await viewer.search.products.query({ q: 'bastionword', filters: { brand: ['Quillon'] } });
    expect(result.total).toBe(2);
    expect(result.facets.brand).toEqual({ Quillon: 2, Ravelin: 1 });
    expect(result.facets.tags).toEqual({ eco: 1 });

    const both = await viewer.search.products.query({ q: 'bastionword', filters: { brand: ['Quillon'], tags: ['eco'] } });
    expect(both.total).toBe(1);
    expect(both.facets.brand).toEqual({ Quillon: 1, Ravelin: 1 });
    expect(both.facets.tags).toEqual({ eco: 1 });
  });
});

import { expect, type Locator, type Page } from '@playwright/test';
import { loginAs, type ApiClient } from '../test/support/api';
import { E2E_PORT } from '../playwright.config';

/** A typed tRPC client over HTTP with an admin session of its own, to arrange data as frontend code would. */
export async function adminApi(): Promise<ApiClient> {
  return (await loginAs(`http://127.0.0.1:${E2E_PORT}`, 'admin')).api;
}

let sequence = 0;
/** A word no other test uses, so searches and lists find only this test's data. */
export const uniqueWord = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}`.toLowerCase();

export interface StockedProduct {
  id: string;
  sku: string;
  name: string;
}

/** An active EUR product with `stock` units in a new warehouse, once the search index offers it in stock. */
export async function stockedProduct(api: ApiClient, word: string, options: { priceCents: number; stock: number }): Promise<StockedProduct> {
  const sku = `ORD-${word.toUpperCase()}`;
  const name = `Lantern ${word}`;
  const warehouse = await api.inventory.createWarehouse.mutate({ code: `O${word.slice(-10).toUpperCase()}`, name: `Depot ${word}` });
  const product = await api.catalog.createProduct.mutate({ sku, name, priceCents: options.priceCents, currency: 'EUR' });
  await api.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: options.stock, reason: 'e2e opening stock' });
  await expect(async () => {
    const found = await api.search.products.query({ q: sku, filters: { inStock: true } });
    expect(found.hits.find((hit) => hit.id === product.id)?.stockTotal).toBe(options.stock);
  }).toPass({ timeout: 30_000 });
  return { id: product.id, sku, name };
}

export async function registeredCustomer(api: ApiClient, word: string): Promise<{ id: string; name: string; email: string }> {
  const name = `Orla ${word}`;
  const email = `${word}@example.com`;
  const { id } = await api.customers.register.mutate({ name, email });
  return { id, name, email };
}

/** The product's stock and sales as the read model has them, once it has caught up with `until`. */
export async function expectProductFigures(api: ApiClient, productId: string, figures: { stockTotal: number; unitsSold: number }): Promise<void> {
  await expect(async () => {
    const { product } = await api.catalog.product.query({ id: productId });
    expect({ stockTotal: product.stockTotal, unitsSold: product.unitsSold }).toEqual(figures);
  }).toPass({ timeout: 20_000 });
}

/**
 * After a change a page shows it, or says that it is not fresh yet: it never passes off an older
 * state as current. On a busy machine the projector can take longer than the bounded wait, so
 * this reloads, as staff would, until the page is fresh, and then expects `shown`.
 */
export async function expectShownOnceFresh(page: Page, shown: Locator): Promise<void> {
  const notFresh = page.getByText(/^(Showing an older state|Not visible yet)$/);
  await expect(shown.or(notFresh).first()).toBeVisible();
  await expect(async () => {
    if ((await notFresh.count()) > 0) await page.reload();
    await expect(notFresh).toHaveCount(0, { timeout: 1000 });
    await expect(shown).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

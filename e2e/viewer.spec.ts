import { expect, test } from '@playwright/test';
import { api, logIn, screenshot, uniqueWord } from './support';

test('a viewer browses products, categories and warehouses but is offered no action', async ({ page }) => {
  // A long flow through a real stack that shares two cores with other runs.
  test.slow();
  const admin = await api('admin');
  const word = uniqueWord('View');
  const category = await admin.catalog.createCategory.mutate({ name: `Shelf ${word}` });
  const warehouse = await admin.inventory.createWarehouse.mutate({ code: `V-${word.slice(-8).toUpperCase()}`, name: `Depot ${word}` });
  const product = await admin.catalog.createProduct.mutate({
    sku: word,
    name: `${word} Lamp`,
    categoryId: category.id,
    priceCents: 1500,
    currency: 'EUR',
  });
  const stocked = await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: 4, reason: 'e2e arrange' });

  await logIn(page, 'viewer');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Catalog search' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Categories' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Warehouses' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'New product' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Catalog search' }).click();
  await page.getByRole('textbox', { name: 'Search products' }).fill(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('search-hit')).toHaveCount(1, { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
  await page.getByTestId('search-hit').getByRole('link', { name: `${word} Lamp` }).click();

  await expect(page.getByRole('heading', { name: `${word} Lamp` })).toBeVisible();
  await page.goto(`/products/${product.id}?after=${encodeURIComponent(stocked.position)}`);
  await expect(page.getByTestId('stock-total')).toHaveText('4');
  await expect(page.getByTestId('product-category')).toHaveText(`Shelf ${word}`);
  await expect(page.getByRole('group', { name: 'Product actions' })).toHaveCount(0);
  for (const name of ['Edit', 'Change price', 'Adjust stock', 'Archive', 'Restore']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await screenshot(page, 'product-detail-viewer');

  await page.goto('/products/new');
  await expect(page.getByText(/can look at the catalog but not add products/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create product' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Categories' }).click();
  await expect(page.getByTestId('category-row').filter({ hasText: `Shelf ${word}` })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New category' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Rename|Move) / })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Warehouses' }).click();
  await expect(page.getByTestId('warehouse-row').filter({ hasText: `Depot ${word}` })).toContainText('4');
  await expect(page.getByRole('form', { name: 'New warehouse' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create warehouse' })).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveText(['Log out', 'End all sessions']);
});

import { expect, test } from '@playwright/test';
import { logIn, screenshot } from './support';

test('an admin creates a product in the form and finds it through search', async ({ page }) => {
  await page.goto('/products');
  await expect(page).toHaveURL(/\/login$/);
  await screenshot(page, 'login');
  await logIn(page, 'admin');

  await page.getByRole('link', { name: 'New product' }).click();
  const form = page.getByRole('form', { name: 'New product' });
  await form.getByRole('button', { name: 'Create product' }).click();
  await expect(form.getByText('Name is required')).toBeVisible();

  const sku = `E2E-${Date.now()}`;
  await form.getByRole('textbox', { name: 'SKU' }).fill(sku);
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Zephyrine Trail Lantern');
  await form.getByRole('textbox', { name: 'Brand' }).fill('Kestrel');
  await form.getByRole('textbox', { name: 'Description' }).fill('Bright, light and built for long nights outside.');
  await form.getByRole('textbox', { name: 'Price' }).fill('24.90');
  await form.getByRole('combobox', { name: 'Tags' }).fill('camping');
  await form.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await screenshot(page, 'new-product');
  await form.getByRole('button', { name: 'Create product' }).click();

  await expect(page.getByRole('heading', { name: 'Zephyrine Trail Lantern' })).toBeVisible();
  await expect(page.getByTestId('product-price')).toHaveText('€24.90');
  await expect(page.getByText('Showing an older state')).toHaveCount(0);
  await screenshot(page, 'product-detail');

  await page.getByRole('link', { name: 'Catalog search' }).click();
  await page.getByRole('textbox', { name: 'Search products' }).fill('zephyrine');
  await expect(page).toHaveURL(/q=zephyrine/);
  // Meilisearch indexes asynchronously: reload the shared URL until the new product appears.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('search-hit')).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  const hit = page.getByTestId('search-hit');
  await expect(hit.getByText(sku)).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/zephyrine/i);
  await screenshot(page, 'catalog-search');
  await hit.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Zephyrine Trail Lantern' })).toBeVisible();
});

test('a viewer can search but is offered no way to create products', async ({ page }) => {
  await logIn(page, 'viewer');
  await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
  await page.goto('/products/new');
  await expect(page.getByText(/can look at the catalog but not add products/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create product' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

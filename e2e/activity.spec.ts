import { expect, test } from '@playwright/test';
import { apiAs, logIn, screenshot } from './support';

test('a change made in the UI shows in the audit trail, and filters narrow it', async ({ page }) => {
  // Other entries, so that filtering has something to leave out.
  const api = await apiAs('admin');
  const run = Date.now();
  const other = await api.catalog.createProduct.mutate({ sku: `ACT-OTHER-${run}`, name: `Activity other ${run}`, priceCents: 500, currency: 'EUR' });
  await api.catalog.changePrice.mutate({ id: other.id, expectedVersion: other.version, priceCents: 450 });

  await logIn(page, 'admin');
  await page.getByRole('link', { name: 'New product' }).click();
  const form = page.getByRole('form', { name: 'New product' });
  await form.getByRole('textbox', { name: 'SKU' }).fill(`ACT-${run}`);
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(`Audited teapot ${run}`);
  await form.getByRole('textbox', { name: 'Price' }).fill('31.50');
  await form.getByRole('button', { name: 'Create product' }).click();
  // The form leads to the product's page (the product page's own freshness is the catalog specs' business).
  await page.waitForURL(/\/products\/[0-9a-f-]{36}\?after=/);
  const productId = new URL(page.url()).pathname.split('/').pop()!;

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 2 })).toBeVisible();
  const rows = page.getByTestId('activity-row');
  const mine = rows.filter({ hasText: `Audited teapot ${run}` });
  // The audit trail is a read model: reload until the projector has applied the change.
  await expect(async () => {
    await page.reload();
    await expect(mine).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(mine).toContainText('catalog.createProduct');
  await expect(mine).toContainText('ProductCreated');
  await expect(mine).toContainText('Ada Admin');
  await expect(mine).toContainText(`sku: "ACT-${run}"`);
  await screenshot(page, 'activity');
  await mine.getByRole('button', { name: /Payload of entry/ }).click();
  await expect(page.getByRole('dialog').getByText('"priceCents": 3150')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await rows.count()).toBeGreaterThan(1);

  // Narrow to this product: the type and id filters, kept in the URL.
  await page.getByRole('combobox', { name: 'Aggregate type' }).click();
  await page.getByRole('option', { name: 'Product', exact: true }).click();
  await expect(page).toHaveURL(/aggregateType=product/);
  await page.getByRole('textbox', { name: 'Aggregate id' }).fill(productId);
  await expect(page).toHaveURL(new RegExp(`aggregateId=${productId}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Audited teapot ${run}`);
  await expect(page.getByRole('status').filter({ hasText: /entr(y|ies)$/ })).toHaveText('1 entry');
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Aggregate id' })).toHaveValue(productId);

  // The other product's history through its row, then by actor.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/aggregateId/);
  await rows.filter({ hasText: 'catalog.changePrice' }).filter({ hasText: 'priceCents' }).first().getByRole('button', { name: /Show only the history/ }).click();
  await expect(page).toHaveURL(new RegExp(`aggregateId=${other.id}`));
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('catalog.changePrice');
  await expect(rows.nth(1)).toContainText('catalog.createProduct');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  // Choose the actor only once the cleared filters are in the URL (a filter merges into what the URL holds).
  await expect(page).not.toHaveURL(/aggregateId/);
  // Only admins write, so every entry here is Ada's: the actor filter keeps them all.
  await page.getByRole('combobox', { name: 'Actor' }).click();
  await page.getByRole('option', { name: /Ada Admin/ }).click();
  await expect(page).toHaveURL(/actorId=/);
  await expect(rows.filter({ hasText: `Audited teapot ${run}` })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: 'Ada Admin' })).toHaveCount(0);

  // The aggregate links to its page.
  await page.goto(`/activity?aggregateType=product&aggregateId=${productId}`);
  await rows.first().getByRole('link', { name: productId.slice(0, 8) }).click();
  await expect(page.getByRole('heading', { name: `Audited teapot ${run}` })).toBeVisible();
});

test('a viewer reads the audit trail too', async ({ page }) => {
  await logIn(page, 'viewer');
  await page.goto('/activity');
  await expect(page.getByTestId('activity-row').first()).toBeVisible();
});

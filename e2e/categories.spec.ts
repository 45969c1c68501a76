import { expect, test } from '@playwright/test';
import { api, choose, logIn, screenshot, uniqueWord } from './support';

test('an admin creates, renames and moves categories; a product under them shows the new path', async ({ page }) => {
  // A long flow through a real stack that shares two cores with other runs.
  test.slow();
  const word = uniqueWord('Cat');
  await logIn(page, 'admin');
  await page.getByRole('link', { name: 'Categories' }).click();

  const form = page.getByRole('form', { name: 'New category' });
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(form.getByText('Name is required')).toBeVisible();
  await form.getByRole('textbox', { name: 'Name' }).fill(`Garden ${word}`);
  await form.getByRole('button', { name: 'Create category' }).click();
  const rows = page.getByTestId('category-row');
  await expect(rows.filter({ hasText: `Garden ${word}` })).toHaveCount(1);

  await form.getByRole('textbox', { name: 'Name' }).fill('Hand Tools');
  await choose(page, 'Parent', `Garden ${word}`);
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(rows.filter({ hasText: `Garden ${word} › Hand Tools` })).toHaveCount(1);

  await form.getByRole('textbox', { name: 'Name' }).fill('Hand Tools');
  await choose(page, 'Parent', `Garden ${word}`);
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(form.getByText('Another category with this name has the same parent')).toBeVisible();

  const admin = await api('admin');
  const tools = (await admin.catalog.categories.query({})).items.find((c) => c.path.join('/') === `Garden ${word}/Hand Tools`)!;
  const product = await admin.catalog.createProduct.mutate({ sku: word, name: `${word} Trowel`, categoryId: tools.id, priceCents: 900, currency: 'EUR' });
  // The count comes with the projector; this page was not told about the product, so ask again until it shows.
  await expect(async () => {
    await page.reload();
    await expect(rows.filter({ hasText: `Garden ${word} › Hand Tools` }).getByRole('cell').nth(2)).toHaveText('1', { timeout: 5000 });
  }).toPass({ timeout: 60_000 });

  await page.getByRole('button', { name: `Rename Garden ${word} › Hand Tools` }).click();
  const rename = page.getByRole('dialog', { name: `Rename Garden ${word} › Hand Tools` });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Trowels');
  await rename.getByRole('button', { name: 'Save name' }).click();
  await expect(rename).toBeHidden();
  await expect(rows.filter({ hasText: `Garden ${word} › Trowels` })).toHaveCount(1);
  await screenshot(page, 'categories');

  await page.goto(`/products/${product.id}`);
  await expect(page.getByTestId('product-category')).toHaveText(`Garden ${word} › Trowels`);

  await page.goto('/categories');
  await form.getByRole('textbox', { name: 'Name' }).fill(`Tools ${word}`);
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(rows.filter({ hasText: `Tools ${word}` })).toHaveCount(1);
  await page.getByRole('button', { name: `Move Garden ${word} › Trowels` }).click();
  const move = page.getByRole('dialog', { name: `Move Garden ${word} › Trowels` });
  await choose(page, 'New parent', `Tools ${word}`);
  await move.getByRole('button', { name: 'Move here' }).click();
  await expect(move).toBeHidden();
  await expect(rows.filter({ hasText: `Tools ${word} › Trowels` }).getByRole('cell').nth(2)).toHaveText('1');
  await expect(rows.filter({ hasText: `Tools ${word}` }).first().getByRole('cell').nth(2)).toHaveText('1');

  await page.goto(`/products/${product.id}`);
  await expect(page.getByTestId('product-category')).toHaveText(`Tools ${word} › Trowels`);
});

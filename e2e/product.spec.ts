import { expect, test, type Page } from '@playwright/test';
import { api, choose, logIn, screenshot, uniqueWord } from './support';

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });
const actions = (page: Page) => page.getByRole('group', { name: 'Product actions' });

test('an admin creates, edits, reprices, stocks, archives and restores a product, seeing each change at once', async ({ page }) => {
  // A long flow through a real stack that shares two cores with other runs.
  test.slow();
  const word = uniqueWord('Prod');
  const code = `P-${word.slice(-8).toUpperCase()}`;
  await logIn(page, 'admin');

  await page.getByRole('link', { name: 'Warehouses' }).click();
  const newWarehouse = page.getByRole('form', { name: 'New warehouse' });
  await newWarehouse.getByRole('button', { name: 'Create warehouse' }).click();
  await expect(newWarehouse.getByText('Name is required')).toBeVisible();
  await newWarehouse.getByRole('textbox', { name: 'Code' }).fill(code.toLowerCase());
  await newWarehouse.getByRole('textbox', { name: 'Name' }).fill(`Depot ${word}`);
  await newWarehouse.getByRole('button', { name: 'Create warehouse' }).click();
  const warehouseRow = page.getByTestId('warehouse-row').filter({ hasText: code });
  await expect(warehouseRow).toContainText(`Depot ${word}`);
  await expect(newWarehouse.getByRole('textbox', { name: 'Code' })).toHaveValue('');
  await screenshot(page, 'warehouses');

  await page.getByRole('link', { name: 'New product' }).click();
  const form = page.getByRole('form', { name: 'New product' });
  await form.getByRole('textbox', { name: 'SKU' }).fill(word);
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(`${word} Camp Stove`);
  await form.getByRole('textbox', { name: 'Price' }).fill('49.00');
  await form.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('heading', { name: `${word} Camp Stove` })).toBeVisible();
  await expect(page.getByText('version 1')).toBeVisible();
  await expect(page.getByTestId('product-stock-total')).toHaveText('0');

  await actions(page).getByRole('button', { name: 'Edit' }).click();
  const edit = dialog(page, 'Edit product');
  await edit.getByRole('textbox', { name: 'Name' }).fill('');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('Name is required')).toBeVisible();
  await edit.getByRole('textbox', { name: 'Name' }).fill(`${word} Camp Stove II`);
  await edit.getByRole('textbox', { name: 'Brand' }).fill('Pinecrest');
  await edit.getByRole('textbox', { name: 'Description' }).fill('Boils a litre in three minutes.');
  await edit.getByRole('combobox', { name: 'Tags' }).fill('camping');
  await edit.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { name: `${word} Camp Stove II` })).toBeVisible();
  await expect(page.getByTestId('product-brand')).toHaveText('Pinecrest');
  await expect(page.getByTestId('product-description')).toHaveText('Boils a litre in three minutes.');
  await expect(page.getByTestId('product-tags')).toHaveText('camping');
  await expect(page.getByText('version 2')).toBeVisible();
  await expect(page.getByText('Showing an older state')).toHaveCount(0);

  await actions(page).getByRole('button', { name: 'Change price' }).click();
  const price = dialog(page, 'Change price');
  await price.getByRole('textbox', { name: 'New price (EUR)' }).fill('54.50');
  await price.getByRole('button', { name: 'Save price' }).click();
  await expect(price).toBeHidden();
  await expect(page.getByTestId('product-price')).toHaveText('€54.50');
  await expect(page.getByText('version 3')).toBeVisible();

  await actions(page).getByRole('button', { name: 'Adjust stock' }).click();
  const stock = dialog(page, 'Adjust stock');
  await choose(page, 'Warehouse', `${code} · Depot ${word}`);
  await stock.getByRole('textbox', { name: 'Change in units' }).fill('12');
  await stock.getByRole('textbox', { name: 'Reason' }).fill('Delivery received');
  await stock.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(stock).toBeHidden();
  await expect(page.getByTestId('stock-table').getByRole('row', { name: new RegExp(`Depot ${word}`) })).toContainText('12');
  await expect(page.getByTestId('stock-total')).toHaveText('12');
  await expect(page.getByTestId('product-stock-total')).toHaveText('12');

  await actions(page).getByRole('button', { name: 'Adjust stock' }).click();
  await choose(page, 'Warehouse', `${code} · Depot ${word}`);
  await expect(stock.getByText('12 on hand here')).toBeVisible();
  await stock.getByRole('textbox', { name: 'Change in units' }).fill('-20');
  await stock.getByRole('textbox', { name: 'Reason' }).fill('Count correction');
  await stock.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(stock.getByText(/only 12/)).toBeVisible();
  await stock.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('stock-total')).toHaveText('12');
  await screenshot(page, 'product-detail-admin');

  await actions(page).getByRole('button', { name: 'Archive' }).click();
  await dialog(page, 'Archive product').getByRole('button', { name: 'Archive product' }).click();
  await expect(page.getByTestId('product-status')).toHaveText('archived');
  await expect(actions(page).getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(actions(page).getByRole('button', { name: 'Change price' })).toHaveCount(0);

  await actions(page).getByRole('button', { name: 'Restore' }).click();
  await dialog(page, 'Restore product').getByRole('button', { name: 'Restore product' }).click();
  await expect(page.getByTestId('product-status')).toHaveText('active');
  await expect(actions(page).getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(page.getByText('version 5')).toBeVisible();

  await page.getByRole('link', { name: 'Warehouses' }).click();
  await expect(page.getByTestId('warehouse-row').filter({ hasText: code })).toContainText('12');
});

test('two admins change the same price: the second is told it changed meanwhile, reloads, and then succeeds', async ({ browser }) => {
  // A long flow through a real stack that shares two cores with other runs.
  test.slow();
  const admin = await api('admin');
  const word = uniqueWord('Race');
  const product = await admin.catalog.createProduct.mutate({ sku: word, name: `${word} Kettle`, priceCents: 2000, currency: 'EUR' });

  const [first, second] = [await browser.newContext(), await browser.newContext()];
  const [alice, bob] = [await first.newPage(), await second.newPage()];
  for (const page of [alice, bob]) {
    await logIn(page, 'admin');
    await page.goto(`/products/${product.id}?after=${encodeURIComponent(product.position)}`);
    await expect(page.getByTestId('product-price')).toHaveText('€20.00');
  }

  await actions(bob).getByRole('button', { name: 'Change price' }).click();
  await dialog(bob, 'Change price').getByRole('textbox', { name: 'New price (EUR)' }).fill('24.00');

  await actions(alice).getByRole('button', { name: 'Change price' }).click();
  await dialog(alice, 'Change price').getByRole('textbox', { name: 'New price (EUR)' }).fill('22.00');
  await dialog(alice, 'Change price').getByRole('button', { name: 'Save price' }).click();
  await expect(alice.getByTestId('product-price')).toHaveText('€22.00');

  const bobsDialog = dialog(bob, 'Change price');
  await bobsDialog.getByRole('button', { name: 'Save price' }).click();
  const conflict = bobsDialog.getByRole('alert');
  await expect(conflict).toContainText('Changed by someone else');
  await expect(conflict).toContainText('version 2');
  await expect(bob.getByTestId('product-price')).toHaveText('€20.00');
  await screenshot(bob, 'product-conflict');

  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(bob.getByTestId('product-price')).toHaveText('€22.00');
  await expect(bob.getByText('version 2')).toBeVisible();
  await expect(bobsDialog.getByRole('alert')).toHaveCount(0);
  await bobsDialog.getByRole('button', { name: 'Save price' }).click();
  await expect(bob.getByTestId('product-price')).toHaveText('€24.00');
  await expect(bob.getByText('version 3')).toBeVisible();

  await first.close();
  await second.close();
});

import { expect, test, type Page } from '@playwright/test';
import { api, choose, logIn, screenshot, uniqueWord } from './support';

/**
 * Four products that only this test's search word finds: two brands, stock in two of them,
 * prices 10, 30, 50 and 80 EUR. Resolves once the search index shows all of them with their stock.
 */
async function arrangeCatalog() {
  const admin = await api('admin');
  const word = uniqueWord('facet');
  const [kestrel, granite] = [uniqueWord('Kestrel'), uniqueWord('Granite')];
  const warehouse = await admin.inventory.createWarehouse.mutate({ code: `F-${word.slice(-8).toUpperCase()}`, name: `Facet depot ${word}` });
  const specs = [
    { name: `Alpha ${word} Lamp`, brand: kestrel, priceCents: 1000, stock: 5 },
    { name: `Beta ${word} Lamp`, brand: kestrel, priceCents: 3000, stock: 0 },
    { name: `Gamma ${word} Tent`, brand: granite, priceCents: 5000, stock: 3 },
    { name: `Delta ${word} Tent`, brand: granite, priceCents: 8000, stock: 0 },
  ];
  for (const [i, spec] of specs.entries()) {
    const product = await admin.catalog.createProduct.mutate({ sku: `${word}-${i}`, name: spec.name, brand: spec.brand, priceCents: spec.priceCents, currency: 'EUR' });
    if (spec.stock > 0) await admin.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: spec.stock, reason: 'e2e arrange' });
  }
  await expect(async () => {
    const found = await admin.search.products.query({ q: word, filters: { inStock: true } });
    expect(found.total).toBe(2);
    expect((await admin.search.products.query({ q: word })).total).toBe(4);
  }).toPass({ timeout: 60_000 });
  return { word, kestrel, granite };
}

const hitNames = (page: Page) => page.getByTestId('search-hit').getByRole('link');
/** Hit names in any order (relevance ties between equally good matches are not ours to fix). */
const hitSet = (page: Page) => expect.poll(async () => (await hitNames(page).allInnerTexts()).sort());

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

  // The form leads to the new product's page, which waits for the projector when it has to.
  await page.waitForURL(/\/products\/[0-9a-f-]{36}\?after=/);
  await expect(page.getByRole('heading', { name: 'Zephyrine Trail Lantern' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('product-price')).toHaveText('€24.90');
  await expect(page.getByText('Showing an older state')).toHaveCount(0);
  await screenshot(page, 'product-detail');

  await page.getByRole('link', { name: 'Catalog search' }).click();
  await page.getByRole('textbox', { name: 'Search products' }).fill('zephyrine');
  await expect(page).toHaveURL(/q=zephyrine/);
  // Meilisearch indexes asynchronously: reload the shared URL until the new product appears.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('search-hit')).toHaveCount(1, { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
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

test('facets narrow the results, keep their counts, and the URL carries the whole search to a new page', async ({ page, context }) => {
  // A long flow through a real stack that shares two cores with other runs.
  test.slow();
  const { word, kestrel, granite } = await arrangeCatalog();
  await logIn(page, 'admin');
  await page.getByRole('link', { name: 'Catalog search' }).click();
  await page.getByRole('textbox', { name: 'Search products' }).fill(word);
  await expect(page.getByTestId('search-total')).toHaveText('4 products');
  const filters = page.getByRole('region', { name: 'Filters' });
  await expect(filters.getByRole('checkbox', { name: `${kestrel} (2)` })).toBeVisible();
  await expect(filters.getByRole('checkbox', { name: `${granite} (2)` })).toBeVisible();
  await expect(filters.getByRole('checkbox', { name: 'In stock (2)' })).toBeVisible();

  await filters.getByRole('checkbox', { name: `${kestrel} (2)` }).check();
  await expect(page.getByTestId('search-total')).toHaveText('2 products');
  await hitSet(page).toEqual([`Alpha ${word} Lamp`, `Beta ${word} Lamp`]);
  // The other brand is still offered with its own count; availability is counted within the ticked brand.
  await expect(filters.getByRole('checkbox', { name: `${granite} (2)` })).not.toBeChecked();
  await expect(filters.getByRole('checkbox', { name: 'In stock (1)' })).toBeVisible();
  await expect(filters.getByRole('checkbox', { name: 'Out of stock (1)' })).toBeVisible();

  await filters.getByRole('checkbox', { name: 'In stock (1)' }).check();
  await expect(page.getByTestId('search-total')).toHaveText('1 product');
  await expect(hitNames(page)).toHaveText([`Alpha ${word} Lamp`], { useInnerText: true });
  await expect(page.getByTestId('search-hit').locator('mark').first()).toHaveText(word);
  await expect(filters.getByRole('checkbox', { name: `${granite} (1)` })).toBeVisible();
  await expect(page).toHaveURL(/brand=.*stock=in/);
  await screenshot(page, 'catalog-facets');

  const shared = await context.newPage();
  await shared.goto(page.url());
  await expect(shared.getByRole('textbox', { name: 'Search products' })).toHaveValue(word);
  await expect(shared.getByTestId('search-total')).toHaveText('1 product');
  await expect(hitNames(shared)).toHaveText([`Alpha ${word} Lamp`], { useInnerText: true });
  const sharedFilters = shared.getByRole('region', { name: 'Filters' });
  await expect(sharedFilters.getByRole('checkbox', { name: `${kestrel} (1)` })).toBeChecked();
  await expect(sharedFilters.getByRole('checkbox', { name: `${granite} (1)` })).not.toBeChecked();
  await expect(sharedFilters.getByRole('checkbox', { name: 'In stock (1)' })).toBeChecked();
  await shared.close();

  await page.getByRole('button', { name: 'Clear search and filters' }).first().click();
  await expect(page.getByRole('textbox', { name: 'Search products' })).toHaveValue('');
  await page.getByRole('textbox', { name: 'Search products' }).fill(word);
  await expect(page.getByTestId('search-total')).toHaveText('4 products');
  await filters.getByRole('textbox', { name: 'Min price' }).fill('20');
  await filters.getByRole('textbox', { name: 'Max price' }).fill('60');
  await expect(page.getByTestId('search-total')).toHaveText('2 products');
  await expect(page).toHaveURL(/min=20&max=60/);
  await choose(page, 'Sort by', 'Price, high to low');
  await expect(hitNames(page)).toHaveText([`Gamma ${word} Tent`, `Beta ${word} Lamp`], { useInnerText: true });
  await expect(page).toHaveURL(/sort=price%3Adesc/);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Filters' }).getByRole('textbox', { name: 'Min price' })).toHaveValue('20');
  await expect(hitNames(page)).toHaveText([`Gamma ${word} Tent`, `Beta ${word} Lamp`], { useInnerText: true });
});

import { expect, test } from '@playwright/test';
import { formatMoney } from '../app/_components/money';
import { apiAs, logIn, screenshot } from './support';

test('the dashboard charts an order placed through the API and ranks its products', async ({ page }) => {
  // An order in a currency of its own, so the figures below are this test's alone.
  const api = await apiAs('admin');
  const run = Date.now();
  const lamp = await api.catalog.createProduct.mutate({ sku: `DASH-LAMP-${run}`, name: `Dashboard lamp ${run}`, priceCents: 123_450, currency: 'NOK' });
  const kettle = await api.catalog.createProduct.mutate({ sku: `DASH-KETTLE-${run}`, name: `Dashboard kettle ${run}`, priceCents: 10_000, currency: 'NOK' });
  const warehouse = await api.inventory.createWarehouse.mutate({ code: `D${run % 1_000_000}`, name: 'Dashboard depot' });
  await api.inventory.adjustStock.mutate({ productId: lamp.id, warehouseId: warehouse.id, delta: 10, reason: 'e2e' });
  await api.inventory.adjustStock.mutate({ productId: kettle.id, warehouseId: warehouse.id, delta: 1, reason: 'e2e' });
  const customer = await api.customers.register.mutate({ email: `dash-${run}@example.com`, name: 'Dana Dashboard' });
  const order = await api.orders.place.mutate({
    customerId: customer.id,
    lines: [
      { productId: lamp.id, quantity: 3 },
      { productId: kettle.id, quantity: 1 },
    ],
  });
  // The SQL read models move together: once the product has the order, so does sales_daily.
  // (Right after the stack starts the projector may still be loading: give it time.)
  await expect
    .poll(async () => (await api.catalog.product.query({ id: lamp.id, after: order.position }).catch(() => null))?.fresh, { timeout: 60_000 })
    .toBe(true);

  await logIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
  await page.goto('/?currency=NOK');

  const sales = page.getByRole('region', { name: 'Revenue and orders' });
  await expect(sales.getByTestId('sales-revenue')).toHaveText(formatMoney(3 * 123_450 + 10_000, 'NOK'));
  await expect(sales.getByTestId('sales-orders')).toHaveText('1');
  await expect(sales.getByTestId('sales-units')).toHaveText('4');
  await expect(sales.getByRole('figure', { name: 'Revenue per day in NOK' }).locator('path.recharts-area-curve')).toHaveCount(1);
  await expect(sales.getByRole('figure', { name: 'Orders per day in NOK' }).locator('.recharts-bar-rectangle path')).toHaveCount(1);

  const top = page.getByRole('region', { name: 'Top products in NOK' });
  const rows = top.getByTestId('top-products').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`Dashboard lamp ${run}`);
  await expect(rows.nth(0)).toContainText(formatMoney(370_350, 'NOK'));
  await expect(rows.nth(1)).toContainText(`Dashboard kettle ${run}`);
  await top.getByText('Units', { exact: true }).click();
  await expect(top.getByRole('radio', { name: 'Units' })).toBeChecked();
  await expect(rows.nth(0)).toContainText(`Dashboard lamp ${run}`);

  // The kettle sold its last unit: it leads the low-stock list.
  const low = page.getByRole('region', { name: 'Low stock' });
  await expect(low.getByTestId('low-stock').locator('tbody tr').first()).toContainText(`Dashboard kettle ${run}`);
  await expect(low.getByTestId('low-stock').locator('tbody tr').first()).toContainText('out of stock');

  const readModels = page.getByRole('region', { name: 'Read models' });
  await expect(readModels.getByTestId('projector-glance').locator('tbody tr')).toHaveCount(7);
  await expect(readModels.getByRole('row', { name: /product_summaries/ })).toContainText(/up to date|lagging/);

  // The range is kept in the URL with the currency; today's order is in every range.
  await page.getByText('7 days', { exact: true }).click();
  await expect(page).toHaveURL(/days=7/);
  await expect(page).toHaveURL(/currency=NOK/);
  await page.reload();
  await expect(sales.getByTestId('sales-revenue')).toHaveText(formatMoney(380_350, 'NOK'));
  await expect(sales.getByText(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await screenshot(page, 'dashboard');

  await rows.nth(0).getByRole('link').click();
  await expect(page.getByRole('heading', { name: `Dashboard lamp ${run}` })).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { logIn, screenshot } from './support';
import { adminApi, expectProductFigures, expectShownOnceFresh, registeredCustomer, stockedProduct, uniqueWord } from './orderFixtures';

/** The customer's figures as their page shows them, read with no `after`: the read model as it stands. */
async function expectCustomerFigures(page: Page, customerId: string, figures: { orders: string; lifetimeValue: string }) {
  await expect(async () => {
    await page.goto(`/customers/${customerId}`);
    await expect(page.getByTestId('customer-order-count')).toHaveText(figures.orders, { timeout: 2000 });
    await expect(page.getByTestId('customer-lifetime-value')).toHaveText(figures.lifetimeValue, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

const historyOf = (page: Page) => page.getByTestId('status-history');
const statusIs = (page: Page, status: string) => page.getByTestId('order-status').filter({ hasText: new RegExp(`^${status}$`) });

// The projector shares two cores with the browser, the server and the databases: generous limits.
test.describe.configure({ timeout: 180_000 });

test('an admin places an order in the form, sees it at once, pays it; a cancelled order gives stock and value back', async ({ page }) => {
  const api = await adminApi();
  const word = uniqueWord('ord');
  const customer = await registeredCustomer(api, word);
  const lantern = await stockedProduct(api, word, { priceCents: 1250, stock: 10 });
  await logIn(page, 'admin');
  await expectCustomerFigures(page, customer.id, { orders: '0', lifetimeValue: '—' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New order' }).click();
  const form = page.getByRole('form', { name: 'New order' });
  await form.getByRole('button', { name: 'Place order' }).click();
  await expect(form.getByText('Choose a customer')).toBeVisible();
  await expect(form.getByText('An order needs at least one line')).toBeVisible();

  await form.getByRole('combobox', { name: 'Customer' }).fill(word);
  await page.getByRole('option', { name: new RegExp(customer.name) }).click();
  await form.getByRole('combobox', { name: 'Add a product' }).fill(lantern.sku);
  await page.getByRole('option', { name: new RegExp(lantern.name) }).click();
  const line = form.getByTestId('draft-line');
  await expect(line).toHaveCount(1);
  await expect(line.getByRole('cell').nth(2)).toHaveText('10');

  // More than the shelves hold: the server's refusal shows on the line, and nothing is placed.
  await line.getByRole('textbox', { name: `Quantity of ${lantern.name}` }).fill('11');
  await form.getByRole('button', { name: 'Place order' }).click();
  await expect(line.getByText('Not enough stock: 11 requested, only 10 available')).toBeVisible();
  await expect(page).toHaveURL(/\/orders\/new$/);

  await line.getByRole('textbox', { name: `Quantity of ${lantern.name}` }).fill('3');
  await expect(form.getByTestId('draft-total')).toHaveText('€37.50');
  await screenshot(page, 'new-order');
  await form.getByRole('button', { name: 'Place order' }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?after=/);
  await expectShownOnceFresh(page, statusIs(page, 'placed'));
  await expect(page.getByTestId('order-customer')).toHaveText(customer.name);
  await expect(page.getByTestId('order-line')).toHaveCount(1);
  await expect(page.getByTestId('order-line').getByRole('link', { name: lantern.name })).toHaveAttribute('href', `/products/${lantern.id}`);
  await expect(page.getByTestId('order-total')).toHaveText('€37.50');
  await expect(historyOf(page)).toContainText('Placed');
  const firstOrderUrl = page.url().replace(/\?.*$/, '');

  await expectProductFigures(api, lantern.id, { stockTotal: 7, unitsSold: 3 });
  await expectCustomerFigures(page, customer.id, { orders: '1', lifetimeValue: '€37.50' });

  await page.goto(firstOrderUrl);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expectShownOnceFresh(page, statusIs(page, 'paid'));
  await expect(page).toHaveURL(/\?after=/);
  await expect(historyOf(page)).toContainText('Paid');
  await expect(page.getByRole('button', { name: 'Pay' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ship' })).toBeVisible();
  await screenshot(page, 'order-detail');

  // A second order, placed through the API, then cancelled on its page.
  const second = await api.orders.place.mutate({ customerId: customer.id, lines: [{ productId: lantern.id, quantity: 2 }] });
  await expectProductFigures(api, lantern.id, { stockTotal: 5, unitsSold: 5 });
  await expectCustomerFigures(page, customer.id, { orders: '2', lifetimeValue: '€62.50' });
  await page.goto(`/orders/${second.id}?after=${encodeURIComponent(second.position)}`);
  await expectShownOnceFresh(page, statusIs(page, 'placed'));
  await page.getByRole('button', { name: 'Cancel order' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel this order?' });
  await confirm.getByRole('button', { name: 'Cancel order' }).click();
  await expectShownOnceFresh(page, statusIs(page, 'cancelled'));
  await expect(historyOf(page)).toContainText('Placed');
  await expect(historyOf(page)).toContainText('Cancelled');
  await expect(page.getByRole('button', { name: /Pay|Ship|Cancel order/ })).toHaveCount(0);

  await expectProductFigures(api, lantern.id, { stockTotal: 7, unitsSold: 3 });
  await expectCustomerFigures(page, customer.id, { orders: '2', lifetimeValue: '€37.50' });
  await expect(page.getByTestId('order-row')).toHaveCount(2);
  await screenshot(page, 'customer-detail');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('textbox', { name: 'Customer' }).fill(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByTestId('order-row')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'cancelled' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/status=cancelled/);
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  await expect(page.getByTestId('order-row').getByRole('link', { name: `Order ${second.id.slice(0, 8)}` })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'cancelled' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-row')).toHaveCount(2);
  await screenshot(page, 'orders');
  await page.getByTestId('order-row').getByRole('link', { name: `Order ${second.id.slice(0, 8)}` }).click();
  await expect(statusIs(page, 'cancelled')).toBeVisible();
});

test('an admin registers a customer in the form and finds them in the list', async ({ page }) => {
  const word = uniqueWord('reg');
  await logIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: 'Register customer' }).click();
  const form = page.getByRole('form', { name: 'Register customer' });
  await form.getByRole('textbox', { name: 'Email' }).fill('not-an-address');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByText('Name is required')).toBeVisible();
  await expect(form.getByText('Email must be a valid address such as name@example.com')).toBeVisible();

  await form.getByRole('textbox', { name: 'Name' }).fill(`Quinn ${word}`);
  await form.getByRole('textbox', { name: 'Email' }).fill(`${word}@example.com`);
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}\?after=/);
  await expectShownOnceFresh(page, page.getByRole('heading', { name: `Quinn ${word}` }));
  await expect(page.getByTestId('customer-order-count')).toHaveText('0');

  // The same address again is refused next to the field.
  await page.goto('/customers');
  await page.getByRole('button', { name: 'Register customer' }).click();
  await form.getByRole('textbox', { name: 'Name' }).fill(`Quinn again ${word}`);
  await form.getByRole('textbox', { name: 'Email' }).fill(`${word.toUpperCase()}@example.com`);
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByText(`A customer with the email ${word}@example.com is already registered`)).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('textbox', { name: 'Search customers' }).fill(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await expect(page.getByTestId('customer-row').getByRole('link', { name: `Quinn ${word}` })).toBeVisible();
  await screenshot(page, 'customers');
});

test('two admins act on one order: the later one is told it changed and reloads it', async ({ page, browser }) => {
  const api = await adminApi();
  const word = uniqueWord('race');
  const customer = await registeredCustomer(api, word);
  const product = await stockedProduct(api, word, { priceCents: 900, stock: 4 });
  const order = await api.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 1 }] });
  const url = `/orders/${order.id}?after=${encodeURIComponent(order.position)}`;

  await logIn(page, 'admin');
  await page.goto(url);
  await expectShownOnceFresh(page, statusIs(page, 'placed'));
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, 'admin');
  await otherPage.goto(url);
  await expectShownOnceFresh(otherPage, statusIs(otherPage, 'placed'));

  await page.getByRole('button', { name: 'Pay' }).click();
  await expectShownOnceFresh(page, statusIs(page, 'paid'));

  await otherPage.getByRole('button', { name: 'Cancel order' }).click();
  await otherPage.getByRole('dialog', { name: 'Cancel this order?' }).getByRole('button', { name: 'Cancel order' }).click();
  const conflict = otherPage.getByRole('alert').filter({ hasText: 'Changed by someone else' });
  await expect(conflict).toContainText('now at version 2');
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(statusIs(otherPage, 'paid')).toBeVisible();
  await expect(otherPage.getByRole('button', { name: 'Ship' })).toBeVisible();
  await other.close();
  await expectProductFigures(api, product.id, { stockTotal: 3, unitsSold: 1 });
});

test('a viewer reads orders and customers but is offered no order or customer action', async ({ page }) => {
  const api = await adminApi();
  const word = uniqueWord('view');
  const customer = await registeredCustomer(api, word);
  const product = await stockedProduct(api, word, { priceCents: 500, stock: 2 });
  const order = await api.orders.place.mutate({ customerId: customer.id, lines: [{ productId: product.id, quantity: 1 }] });

  await logIn(page, 'viewer');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Customers' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'New order' })).toHaveCount(0);

  await page.goto(`/orders/${order.id}?after=${encodeURIComponent(order.position)}`);
  await expectShownOnceFresh(page, statusIs(page, 'placed'));
  await expect(page.getByRole('button', { name: /Pay|Ship|Cancel/ })).toHaveCount(0);

  await page.goto('/orders');
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'New order' })).toHaveCount(0);
  await page.goto('/orders/new');
  await expect(page.getByText(/can look at orders but not place them/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Place order' })).toHaveCount(0);

  await page.goto('/customers');
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Register customer' })).toHaveCount(0);
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(page.getByRole('link', { name: /New order/ })).toHaveCount(0);
});

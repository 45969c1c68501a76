import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { adminReadDatabaseUrl, apiAs, logIn, screenshot } from './support';

const POISON = 'e2e_poison';

/** Runs `body` while a read-model rule the projection does not know about refuses products named POISON… (a "bug"). */
async function whileReadModelRefusesPoison<T>(body: () => Promise<T>): Promise<T> {
  const readDb = postgres(adminReadDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    await readDb.unsafe(`alter table product_summaries add constraint ${POISON} check (name not like 'POISON%')`);
    return await body();
  } finally {
    await readDb.unsafe(`alter table product_summaries drop constraint if exists ${POISON}`);
    await readDb.end();
  }
}

/** The dead letter about one key, on the operations page. */
const letterOf = (page: Page, key: string) => page.getByTestId('dead-letter').filter({ hasText: key });

test('an operator sees a dead letter, retries it before and after the fix, and rebuilds a read model', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const api = await apiAs('admin');
  const run = Date.now();
  // The projector first loads the read models whole: break them only once it streams changes.
  const warmUp = await api.catalog.createProduct.mutate({ sku: `OPS-WARM-${run}`, name: `Warm-up ${run}`, priceCents: 100, currency: 'EUR' });
  await expect
    .poll(async () => (await api.catalog.product.query({ id: warmUp.id, after: warmUp.position }).catch(() => null))?.fresh, { timeout: 60_000 })
    .toBe(true);
  const poison = await whileReadModelRefusesPoison(async () => {
    const poison = await api.catalog.createProduct.mutate({ sku: `OPS-POISON-${run}`, name: `POISON pill ${run}`, priceCents: 100, currency: 'EUR' });
    const healthy = await api.catalog.createProduct.mutate({ sku: `OPS-OK-${run}`, name: `Healthy ${run}`, priceCents: 100, currency: 'EUR' });
    await expect
      .poll(async () => (await api.system.deadLetters.query({ projection: 'product_summaries', after: healthy.position }).catch(() => null))?.items.some((l) => l.key === poison.id), {
        timeout: 60_000,
      })
      .toBe(true);

    await logIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operations' }).click();
    await expect(page.getByRole('heading', { name: 'Operations', level: 2 })).toBeVisible();
    await expect(page.getByTestId('projector-process')).toContainText('Projector running');
    await expect(page.getByTestId('projector-instances').locator('tr[data-role="active"]')).toContainText('active · streaming');
    await expect(page.getByTestId('projection-table').getByRole('row', { name: /product_summaries/ })).toContainText(/\d+ dead letters?/);
    const letter = letterOf(page, poison.id);
    await expect(letter).toContainText(POISON);
    await expect(letter).toContainText('SQLSTATE 23514');
    await letter.getByRole('button', { name: 'Show payload' }).click();
    await expect(letter.locator('pre')).toContainText(`POISON pill ${run}`);
    // One line per projection, drawn through the polls collected so far (a flat line at zero lag has no height: count points).
    const lines = page.getByTestId('lag-chart').locator('path.recharts-line-curve');
    await expect(lines).toHaveCount(7);
    await expect(lines.first()).toHaveAttribute('d', /^M[^L]+(L[^L]+){2,}$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'operations');

    // A viewer sees the letter and the rebuilds, and no button to act on them.
    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    await logIn(viewer, 'viewer');
    await viewer.goto('/operations');
    await expect(letterOf(viewer, poison.id)).toBeVisible();
    await expect(viewer.getByRole('region', { name: 'Rebuilds' })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /Rebuild/ })).toHaveCount(0);
    await expect(viewer.getByRole('combobox', { name: 'Projection to rebuild' })).toHaveCount(0);
    await viewerContext.close();

    // Retried before the fix: it fails again, and the page says so.
    await letter.getByRole('button', { name: 'Retry' }).click();
    const outcome = page.getByTestId('retry-outcome');
    await expect(outcome).toContainText('Retry failed');
    await expect(outcome).toContainText('attempt 2');
    await expect(letter).toContainText('2 attempts');
    return poison;
  });

  // After the fix the retry applies it: resolved, and the product is there.
  const letter = letterOf(page, poison.id);
  await letter.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('retry-outcome')).toContainText('Retry succeeded');
  await expect(letter).toHaveCount(0);
  await page.getByRole('tab', { name: 'Resolved' }).click();
  await expect(letter).toContainText('resolved');
  await expect(letter).toContainText('(retried)');
  await letter.getByRole('link', { name: poison.id }).click();
  await expect(page.getByRole('heading', { name: `POISON pill ${run}` })).toBeVisible();

  // A rebuild beside the live model, followed to its switch-over.
  await page.goto('/operations');
  const rebuilds = page.getByRole('region', { name: 'Rebuilds' });
  await rebuilds.getByRole('combobox', { name: 'Projection to rebuild' }).click();
  await page.getByRole('option', { name: 'category_tree', exact: true }).click();
  await rebuilds.getByRole('button', { name: 'Rebuild…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Rebuild category_tree?' });
  await confirm.getByRole('button', { name: 'Start rebuild' }).click();
  await expect(confirm).toHaveCount(0);
  const row = rebuilds.getByRole('row', { name: /category_tree/ }).first();
  await expect(row).toContainText('switched', { timeout: 60_000 });
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'operations-rebuild');
});

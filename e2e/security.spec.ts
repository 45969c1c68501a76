import { expect, test } from '@playwright/test';
import { logIn } from './support';

test('pages carry a nonce-based Content-Security-Policy and the other security headers, and run under them', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/login');
  const headers = response!.headers();
  const policy = headers['content-security-policy']!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');

  // Every script the page runs carries this response's nonce (Next's own and Mantine's inline one).
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
  const again = await page.request.get('/login');
  expect(again.headers()['content-security-policy']).not.toBe(policy);

  // The app works under the policy: log in (client-side tRPC) and render an interactive page.
  await logIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog search' }).click();
  await expect(page.getByRole('textbox', { name: 'Search products' })).toBeVisible();
  expect(violations).toEqual([]);

  const api = await page.request.get('/api/trpc/auth.me');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['cache-control']).toBe('no-store');
});

test('"End all sessions" logs the user out in every browser', async ({ browser }) => {
  // Two browsers (contexts), each with its own session of the same user.
  const laptop = await browser.newPage();
  const phone = await browser.newPage();
  await logIn(laptop, 'viewer');
  await logIn(phone, 'viewer');
  await phone.getByRole('button', { name: 'End all sessions' }).click();
  await expect(phone).toHaveURL(/\/login/);
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/login/);
  await laptop.context().close();
  await phone.context().close();
});

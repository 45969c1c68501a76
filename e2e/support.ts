import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DEMO_USERS } from '../scripts/seed/seedDemoData';

const SCREENSHOTS = join(import.meta.dirname, 'output', 'screenshots');

export async function logIn(page: Page, role: 'admin' | 'viewer'): Promise<void> {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  // Whatever the home page is, the main navigation shows once signed in.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** A picture of each main page, kept with the run's output (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

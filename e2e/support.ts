import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DEMO_USERS } from '../scripts/seed/seedDemoData';
import { loginAs, type ApiClient } from '../test/support/api';
import { E2E_PORT } from '../playwright.config';

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

/** A typed tRPC client over HTTP with its own session, to set up data the way frontend code would. */
export async function apiAs(role: 'admin' | 'viewer'): Promise<ApiClient> {
  return (await loginAs(`http://127.0.0.1:${E2E_PORT}`, role)).api;
}

/** The e2e stack's read database as its owner (set by e2e/globalSetup.ts), for tests that break the read model on purpose. */
export function adminReadDatabaseUrl(): string {
  const url = process.env.E2E_ADMIN_READ_DATABASE_URL;
  if (!url) throw new Error('E2E_ADMIN_READ_DATABASE_URL is not set: run the specs through playwright (e2e/globalSetup.ts sets it)');
  return url;
}

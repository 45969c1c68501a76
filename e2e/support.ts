import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { DEMO_USERS } from '../scripts/seed/seedDemoData';
import { loginAs, type ApiClient } from '../test/support/api';

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

/** A typed API client signed in as `role`, for arranging data the test is not about. */
export function api(role: 'admin' | 'viewer' = 'admin'): Promise<ApiClient> {
  return apiAs(role);
}

/** A word no other test uses (letters only, so the search tokenizer keeps it whole). */
export function uniqueWord(prefix: string): string {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${prefix}${letters}`;
}

/** Picks an option of a Mantine Select by its label. */
export async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

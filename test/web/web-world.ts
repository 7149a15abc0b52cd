import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createUser } from '../../src/app/users/users.js';
import type { Role } from '../../src/core/shared/roles.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { insertWarehouse } from '../support/fixtures.js';
import { call, type OrderWorld } from '../orders/order-fixtures.js';
import { WEB_ROOT, ensureWebBuild } from './web-build.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'test-artifacts',
  'screenshots',
);
export const PASSWORD = 'browser-test-password';

/**
 * `describe` for the tests that drive a real browser: skipped (with the global setup's banner)
 * where Chromium is missing, required under CI=true.
 */
export const describeInBrowser = describe.skipIf(process.env.STOCKLINE_TEST_BROWSER === '0');

/** A real server on a socket over a fresh SQLite store, the order world's data, and users. */
export interface WebWorld extends OrderWorld {
  baseUrl: string;
  emailOf(role: Role): string;
}

/**
 * Like the order tests' world (warehouse MAIN with bins A-01-01…03, a price list) but on the
 * wall clock: the browser keeps session cookies by real time, so a fixed past clock would
 * expire them at once. SQLite only: the screens do not depend on the dialect.
 */
export async function startWebWorld(): Promise<WebWorld> {
  const api: TestApi = await startTestApi('sqlite', undefined, { withWebApp: true });
  const warehouse = await insertWarehouse(api.store.database, 'MAIN', 3);
  const [pickFace, reserve, reserve2] = warehouse.bins as [number, number, number];
  const list = await call(api, 'POST', '/price-lists', api.as('manager'), {
    code: 'TRADE',
    name: 'Trade prices',
    currency: 'USD',
  });
  expect(list.statusCode, list.body).toBe(201);
  for (const role of ['admin', 'manager', 'planner', 'sales', 'warehouse'] as const) {
    const made = await createUser(
      api.store.database,
      { email: `${role}@web.test`, name: `Test ${role}`, role, password: PASSWORD },
      new Date(),
    );
    if (!made.ok) throw new Error(made.error.message);
  }
  const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    api,
    warehouse,
    pickFace,
    reserve,
    reserve2,
    priceListId: list.json().id as number,
    skuCount: 0,
    baseUrl: address,
    emailOf: (role) => `${role}@web.test`,
  };
}

/**
 * A describe block's world and browser: the web build checked, the server and Chromium started
 * before its tests and closed after them. Read `world` and `context` inside the tests.
 */
export function useWebWorld(): { readonly world: WebWorld; readonly context: BrowserContext } {
  let world: WebWorld | undefined;
  let browser: { context: BrowserContext; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    ensureWebBuild();
    world = await startWebWorld();
    browser = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await world?.api.close();
  });
  return {
    get world() {
      return world!;
    },
    get context() {
      return browser!.context;
    },
  };
}

/** Debian's chromium, headless, with a fresh profile that is removed on close. */
export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  expect(fs.existsSync(path.join(WEB_ROOT, 'index.html'))).toBe(true);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new page that fails the test on any uncaught error in the app. */
export async function newPage(context: BrowserContext, width = 1280): Promise<Page> {
  const page = await context.newPage();
  // Generous: the full suite runs browsers beside other test files on two cores.
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { appErrors: string[] }).appErrors = errors;
  return page;
}

export const appErrors = (page: Page) => (page as Page & { appErrors?: string[] }).appErrors ?? [];

/** Signs in through the form, as a person would. */
export async function signInAs(page: Page, world: WebWorld, role: Role): Promise<void> {
  // One browser profile serves every scenario: drop the previous user's session cookie.
  await page.context().clearCookies();
  await page.goto(`${world.baseUrl}/`);
  await page.getByLabel('E-mail').fill(world.emailOf(role));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

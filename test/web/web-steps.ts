import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WebWorld } from './web-world.js';

/** True when the element is the page's focused one (the server's tsconfig has no DOM types). */
const isFocused = (el: unknown) =>
  el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement;

/**
 * Types a barcode key by key into the screen's scan field, then Enter, as a keyboard-wedge
 * scanner does; the field must be enabled and already focused (the screen keeps it so).
 */
export async function scanKeys(page: Page, label: RegExp, value: string): Promise<void> {
  await readyScanField(page, label);
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** The screen's scan field, once it is enabled and holds the focus (the screen keeps it so). */
export async function readyScanField(page: Page, label: RegExp): Promise<Locator> {
  const field = page.getByLabel(label);
  await expect.poll(() => field.isEnabled()).toBe(true);
  expect(await field.evaluate(isFocused)).toBe(true);
  return field;
}

/** The each GTIN of a SKU, as printed on the unit the picker or packer scans. */
export async function gtinOf(world: WebWorld, skuCode: string): Promise<string> {
  const row = await world.api.store.database.db
    .selectFrom('skus')
    .select('gtin')
    .where('code', '=', skuCode)
    .executeTakeFirstOrThrow();
  return row.gtin!;
}

/** What a handheld task card shows, read at once. */
export interface TaskCard {
  /** The card's `data-task-id`, where it has one. */
  id: string;
  where: string;
  what: string;
  instruction: string;
}

interface CardElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): { textContent: string | null } | null;
}

/**
 * The task screen as it is now: its card (test id `card`) read in one go, or 'done' once the
 * line with test id `done` shows; waits while neither is on screen (loading). One read, because
 * under load the card can be replaced (next task, or done) between two separate reads.
 */
export async function taskScreen(
  page: Page,
  card: string,
  done: string,
): Promise<TaskCard | 'done'> {
  const readOnce = async () => {
    if (await page.getByTestId(done).isVisible()) return 'done' as const;
    return page
      .getByTestId(card)
      .evaluate(
        (el: CardElement) => ({
          id: el.getAttribute('data-task-id') ?? '',
          where: el.querySelector('.where')?.textContent?.trim() ?? '',
          what: el.querySelector('.what')?.textContent?.trim() ?? '',
          instruction: el.querySelector('.instruction')?.textContent ?? '',
        }),
        undefined,
        { timeout: 1000 },
      )
      .catch(() => undefined);
  };
  let screen: TaskCard | 'done' | undefined;
  await expect.poll(async () => (screen = await readOnce())).toBeDefined();
  return screen!;
}

/**
 * Picks every task of the wave on screen by scanning the bin asked for, then the product's
 * GTIN, until the screen says the wave is done.
 */
export async function pickWaveByScans(page: Page, world: WebWorld): Promise<void> {
  const scan = (value: string) => scanKeys(page, /^Scan (bin|product)$/, value);
  const task = page.getByTestId('pick-task');
  const progressOf = async () =>
    (await page.getByTestId('wave-done').isVisible())
      ? 'done'
      : `${await page
          .getByTestId('pick-progress')
          .textContent({ timeout: 1000 })
          .catch(() => '')} ${await task
          .locator('.qty')
          .textContent({ timeout: 1000 })
          .catch(() => '')}`;
  for (let guard = 0; guard < 40; guard++) {
    const screen = await taskScreen(page, 'pick-task', 'wave-done');
    if (screen === 'done') break;
    const { where, what, instruction } = screen;
    if (instruction.startsWith('Scan bin')) {
      await scan(`MAIN-${where}`);
      await expect.poll(() => task.locator('.instruction').textContent()).toMatch(/^Scan product/);
      continue;
    }
    // From the same read: the card may already show the next task, or be gone (wave done).
    const skuCode = what.split(' ')[0]!;
    if (!skuCode) continue;
    const gtin = await gtinOf(world, skuCode);
    const before = await progressOf();
    const confirmed = page.waitForResponse((r) => r.url().includes('/confirm'));
    await scan(gtin);
    expect((await confirmed).status()).toBe(200);
    // The pick-list reply can arrive before React shows it: wait until the screen has moved
    // on (fewer left here, the next task, or the wave done), or the next read finds the old
    // card and scans its product again.
    await expect.poll(progressOf).not.toBe(before);
  }
  await page.getByTestId('wave-done').waitFor();
}

/**
 * A sales user's new order on the order screen, up to the button that places it: the customer
 * by account, one SKU by code, the quantity in eaches, priced by the server.
 */
export async function fillOrderOnScreen(
  page: Page,
  account: string,
  skuCode: string,
  quantity: number,
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Orders' })
    .click();
  await page.getByRole('link', { name: 'New order' }).click();
  await page.getByLabel('Find customer (account or name)').fill(account);
  await page.getByRole('button', { name: new RegExp(account) }).click();
  await page.getByLabel('Add SKU (code, name or GTIN)').fill(skuCode);
  await page.getByRole('button', { name: new RegExp(skuCode) }).click();
  await page.getByLabel('Quantity of line 1').fill(String(quantity));
  await expect.poll(() => page.locator('.total').textContent()).toMatch(/[1-9]/);
}

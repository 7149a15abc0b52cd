import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ACME_ASN, postX12, setUpAcme, SSCC } from '../receiving/asn-fixtures.js';
import { onHandAt } from '../receiving/receiving-fixtures.js';
import {
  appErrors,
  describeInBrowser,
  newPage,
  screenshot,
  signInAs,
  useWebWorld,
} from './web-world.js';

const feedbackOf = (page: Page) => page.locator('.feedback[data-tone]');

async function scanLabel(page: Page, value: string) {
  const field = page.getByLabel(/^Scan SSCC label/);
  await expect.poll(() => field.isEnabled()).toBe(true);
  await field.fill(value);
  await field.press('Enter');
}

describeInBrowser('handheld receiving by SSCC in a real browser (SQLite)', () => {
  const web = useWebWorld();

  it('receives a carton and a pallet by label, refuses a second scan, names what to set aside', async () => {
    const acme = await setUpAcme(web.world);
    const posted = await postX12(web.world, ACME_ASN);
    expect(posted.statusCode, posted.body).toBe(201);

    const page = await newPage(web.context, 360);
    await signInAs(page, web.world, 'warehouse');
    await page.goto(`${web.world.baseUrl}/warehouse/receiving`);

    await scanLabel(page, `(00)${SSCC.cartonA}`);
    await expect
      .poll(() => feedbackOf(page).textContent())
      .toBe(`Received ${SSCC.cartonA}: 24 unit(s) in 1 receipt(s), 1 put-away task(s).`);
    await scanLabel(page, SSCC.cartonA);
    await expect.poll(() => feedbackOf(page).getAttribute('data-tone')).toBe('error');
    expect(await feedbackOf(page).textContent()).toMatch(/\(RECEIVING\.SSCC_DUPLICATE\)$/);

    await scanLabel(page, SSCC.pallet1);
    await expect.poll(() => feedbackOf(page).getAttribute('data-tone')).toBe('warning');
    expect(await feedbackOf(page).textContent()).toMatch(
      /with 1 carton\(s\): 20 unit\(s\).*Set aside, not booked: line 3 \(not on the PO\), line 4 \(unknown item\)\.$/,
    );
    await screenshot(page, 'receive-sscc');
    const receiving = web.world.warehouse.place.receiving!;
    expect(await onHandAt(web.world.api.store.database.db, receiving, acme.sku[901]!)).toBe(24);
    expect(await onHandAt(web.world.api.store.database.db, receiving, acme.sku[902]!)).toBe(20);
    expect(appErrors(page)).toEqual([]);
  });
});

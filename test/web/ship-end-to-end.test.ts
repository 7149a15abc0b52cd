import { expect, it } from 'vitest';
import { createUser } from '../../src/app/users/users.js';
import { createCustomer, createSku, receive } from '../orders/order-fixtures.js';
import {
  appErrors,
  newPage,
  PASSWORD,
  screenshot,
  signInAs,
  useWebWorld,
  describeInBrowser,
} from './web-world.js';
import { fillOrderOnScreen, gtinOf, pickWaveByScans, scanKeys } from './web-steps.js';

/**
 * The first hour of a new installation, in one go: an order placed on the order screen is
 * released in a wave, picked, packed and shipped on a phone-sized handheld screen, which then
 * shows the tracking number and serves the carton's label.
 */
describeInBrowser('an order from placement to tracking number in a real browser (SQLite)', () => {
  const web = useWebWorld();

  it('sales places it; the warehouse releases, picks and packs by scans, ships, sees tracking and the label', async () => {
    const skuId = await createSku(web.world, false);
    const skuCode = `DOG-DRY-2KG-${web.world.skuCount}`;
    await receive(web.world, skuId, 10, { locationId: web.world.pickFace });
    const shopId = await createCustomer(web.world, 'PET-900');

    const office = await newPage(web.context);
    await signInAs(office, web.world, 'sales');
    await fillOrderOnScreen(office, 'PET-900', skuCode, 2);
    await office.getByRole('button', { name: 'Place order' }).click();
    await office.waitForURL(/\/orders\/\d+$/);
    await office.locator('[data-status="allocated"]').waitFor();
    const orderId = Number(office.url().split('/').pop());
    expect(appErrors(office)).toEqual([]);
    await office.close();

    const page = await newPage(web.context, 360);
    await signInAs(page, web.world, 'warehouse');
    await page.goto(`${web.world.baseUrl}/warehouse/waves`);
    await page.getByLabel('Pick mode').selectOption('discrete');
    await page.getByRole('button', { name: 'Release wave' }).click();
    await page.getByRole('link', { name: 'Start picking' }).click();
    await pickWaveByScans(page, web.world);
    await page.getByRole('link', { name: 'Go to packing' }).click();

    // Packing: the order by its printed number, a carton, each unit scanned in, sealed.
    const step = page.getByTestId('pack-step');
    const scanItem = (value: string) => scanKeys(page, /^Scan (order|item)$/, value);
    await scanItem(`SO-${String(orderId).padStart(6, '0')}`);
    await expect.poll(() => step.getAttribute('data-step')).toBe('open-carton');
    await expect.poll(() => page.getByTestId('to-pack').textContent()).toContain('0 of 2 packed');
    await page.getByRole('button', { name: 'Open carton' }).click();
    await expect.poll(() => step.getAttribute('data-step')).toBe('scan-items');
    const gtin = await gtinOf(web.world, skuCode);
    for (const packed of ['1 of 2 packed', '2 of 2 packed']) {
      await scanItem(gtin);
      await expect.poll(() => page.getByTestId('to-pack').textContent()).toContain(packed);
    }
    await screenshot(page, 'pack-scanned');
    await expect.poll(() => step.getAttribute('data-step')).toBe('close-carton');
    await page.getByRole('button', { name: /^Close carton/ }).click();

    // Shipping with the table-rate carrier's ground service: a tracking number per carton.
    await expect.poll(() => step.getAttribute('data-step')).toBe('ship');
    await page
      .getByLabel('Carrier')
      .selectOption({ label: 'Table-rate carrier — Parcel ground (3 d)' });
    await page.getByRole('button', { name: 'Ship' }).click();
    await expect.poll(() => step.getAttribute('data-step')).toBe('shipped');
    const tracking = (await page.getByTestId('tracking').first().textContent())!.trim();
    await screenshot(page, 'pack-shipped');

    const shipment = await web.world.api.store.database.db
      .selectFrom('shipments')
      .select(['tracking_number', 'carrier_code', 'service'])
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(shipment).toEqual({
      tracking_number: tracking,
      carrier_code: 'TABLE',
      service: 'ground',
    });
    const order = await web.world.api.store.database.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe('shipped');

    // The label link serves the carton's PDF to the signed-in handheld.
    const href = await page.getByRole('link', { name: /^Label carton/ }).getAttribute('href');
    const label = await page.request.get(`${web.world.baseUrl}${href!}`);
    expect(label.status()).toBe(200);
    expect(label.headers()['content-type']).toContain('application/pdf');
    expect(appErrors(page)).toEqual([]);

    // Back office: the shipped order offers only what its status allows (nothing to confirm,
    // release, cancel or edit) and shows the tracking number.
    const after = await newPage(web.context);
    await signInAs(after, web.world, 'sales');
    await after.goto(`${web.world.baseUrl}/orders/${orderId}`);
    await after.locator('[data-status="shipped"]').waitFor();
    await expect.poll(() => after.locator('main').textContent()).toContain(tracking);
    const actions = after.getByRole('group', { name: 'Order actions' });
    for (const name of ['Confirm', 'Release to warehouse'])
      expect(await actions.getByRole('button', { name }).count()).toBe(0);
    expect(await after.getByRole('button', { name: 'Cancel order' }).count()).toBe(0);
    expect(await after.getByRole('spinbutton').count()).toBe(0);
    expect(await after.getByTestId('packs-1').textContent()).toBe('2');
    await screenshot(after, 'order-shipped');
    expect(appErrors(after)).toEqual([]);

    // The customer lands on its own account: the order, its shipment's tracking, its invoice.
    const made = await createUser(
      web.world.api.store.database,
      {
        email: web.world.emailOf('customer'),
        name: 'Pet shop buyer',
        role: 'customer',
        customerId: shopId,
        password: PASSWORD,
      },
      new Date(),
    );
    expect(made.ok).toBe(true);
    await signInAs(after, web.world, 'customer');
    const orderNumber = `SO-${String(orderId).padStart(6, '0')}`;
    await expect.poll(() => after.getByTestId('home-orders').textContent()).toContain(orderNumber);
    await expect.poll(() => after.getByTestId('home-shipments').textContent()).toContain(tracking);
    await expect
      .poll(() => after.getByTestId('home-invoices').textContent())
      .toContain(orderNumber);
    expect(await after.getByRole('alert').count()).toBe(0);
    await screenshot(after, 'customer-home');
    expect(appErrors(after)).toEqual([]);
  }, 120_000);

  it('a screen that fails to render shows its error and a way back, and the app stays up', async () => {
    const page = await newPage(web.context, 360);
    await signInAs(page, web.world, 'warehouse');
    // A carriers answer of the wrong shape (services as strings) makes the pack screen throw.
    await page.route('**/api/v1/carriers', (route) =>
      route.fulfill({ json: [{ code: 'X', name: 'Broken', services: 'ground' }] }),
    );
    await page.goto(`${web.world.baseUrl}/warehouse/pack`);
    const alert = page.locator('[data-code="CLIENT.SCREEN_FAILED"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This screen failed to show');
    await screenshot(page, 'screen-failed');
    // The menu is still there, and another screen renders.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Warehouse' })
      .click();
    await page.locator('main h1').first().waitFor();
    expect(await alert.count()).toBe(0);
  });
});

import { expect, it } from 'vitest';
import {
  call,
  createCustomer,
  createSku,
  line,
  placeOrderFor,
  receive,
} from '../orders/order-fixtures.js';
import { SETTING } from '../../src/app/planning/planning-settings.js';
import {
  appErrors,
  newPage,
  screenshot,
  signInAs,
  useWebWorld,
  type WebWorld,
  describeInBrowser,
} from './web-world.js';
import { fillOrderOnScreen, pickWaveByScans, scanKeys } from './web-steps.js';

describeInBrowser('the web app in a real browser (SQLite)', () => {
  const web = useWebWorld();

  it('a sales user creates an order and sees it allocated', async () => {
    const skuId = await createSku(web.world, false);
    await receive(web.world, skuId, 20);
    await createCustomer(web.world, 'PET-100');
    const page = await newPage(web.context);
    await signInAs(page, web.world, 'sales');
    await fillOrderOnScreen(page, 'PET-100', `DOG-DRY-2KG-${web.world.skuCount}`, 3);
    // The server prices the lines: 3 eaches at 5.00.
    await expect.poll(() => page.locator('.total').textContent()).toContain('$15.00');
    await screenshot(page, 'order-create');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/\d+$/);
    await page.locator('[data-status="allocated"]').waitFor();
    expect(await page.getByTestId('allocated-1').textContent()).toBe('3');
    expect(await page.locator('table', { hasText: 'Still held' }).textContent()).toContain(
      'A-01-01',
    );
    // Names, not ids: the customer's account and the SKU's code.
    await expect.poll(() => page.getByTestId('order-customer').textContent()).toContain('PET-100');
    await expect
      .poll(() => page.getByTestId('sku-1').textContent())
      .toContain(`DOG-DRY-2KG-${web.world.skuCount}`);
    await screenshot(page, 'order-detail');

    const orderId = Number(page.url().split('/').pop());
    const held = await web.world.api.store.database.db
      .selectFrom('allocations')
      .select((eb) => eb.fn.sum<number>('remaining').as('held'))
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(Number(held.held)).toBe(3);
    await page.getByRole('link', { name: 'All orders' }).click();
    await page
      .getByRole('link', { name: String(orderId).padStart(1, '0') })
      .or(page.locator(`a[href="/orders/${orderId}"]`))
      .first()
      .waitFor();
    await screenshot(page, 'order-list');
    expect(appErrors(page)).toEqual([]);
  });

  it('a picker completes a batch pick list by typing barcodes, with one wrong scan', async () => {
    const a = await createSku(web.world, false);
    await receive(web.world, a, 10, { locationId: web.world.pickFace });
    const b = await createSku(web.world, false);
    await receive(web.world, b, 10, { locationId: web.world.reserve });
    const shopA = await createCustomer(web.world, 'PET-201');
    const shopB = await createCustomer(web.world, 'PET-202');
    const first = await placeOrderFor(web.world, shopA, [line(a, 2), line(b, 1)]);
    const second = await placeOrderFor(web.world, shopB, [line(a, 1)]);
    // Orders placed by the first scenario are still allocated; they join this wave too.

    const page = await newPage(web.context, 360);
    await signInAs(page, web.world, 'warehouse');
    await page.goto(`${web.world.baseUrl}/warehouse/waves`);
    await page.getByLabel('Pick mode').selectOption('batch');
    await page.getByRole('button', { name: 'Release wave' }).click();
    await page.getByRole('link', { name: 'Start picking' }).click();
    await page.getByTestId('pick-task').waitFor();
    await screenshot(page, 'pick-start');

    const scan = (value: string) => scanKeys(page, /^Scan (bin|product)$/, value);
    const feedback = page.locator('.feedback[data-tone]');

    // The wrong scan: a bin that is not the one asked for.
    const asked = (await page.getByTestId('pick-task').locator('.where').textContent())!.trim();
    const wrongBin = asked === 'A-01-03' ? 'MAIN-A-01-02' : 'MAIN-A-01-03';
    await scan(wrongBin);
    await expect.poll(() => feedback.getAttribute('data-tone')).toBe('error');
    expect(await feedback.textContent()).toContain(`expected ${asked}`);
    await screenshot(page, 'pick-wrong-scan');

    await pickWaveByScans(page, web.world);
    await screenshot(page, 'pick-done');

    const lines = await web.world.api.store.database.db
      .selectFrom('order_lines')
      .select(['order_id', 'quantity_picked', 'quantity_allocated'])
      .where('order_id', 'in', [first.id, second.id])
      .execute();
    for (const l of lines) expect(l.quantity_picked).toBe(l.quantity_allocated);
    expect(lines.reduce((n, l) => n + l.quantity_picked, 0)).toBe(4);
    expect(appErrors(page)).toEqual([]);
  });

  it('the dashboard renders its KPI tiles and trend charts', async () => {
    const skuId = await createSku(web.world, false);
    await receive(web.world, skuId, 5);
    await placeOrderFor(web.world, await createCustomer(web.world, 'PET-300'), [line(skuId, 2)]);
    const page = await newPage(web.context);
    await signInAs(page, web.world, 'manager');
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.tile').count()).toBeGreaterThanOrEqual(5);
    const backlog = await page.getByRole('link', { name: /Open orders \(backlog\)/ }).textContent();
    expect(Number(backlog?.match(/\d+/)?.[0])).toBeGreaterThan(0);
    await screenshot(page, 'dashboard');
    expect(appErrors(page)).toEqual([]);
  });

  it('every screen renders for its role, with problems shown rather than blank pages', async () => {
    const skuId = await createSku(web.world, false);
    await receive(web.world, skuId, 5);
    const code = `DOG-DRY-2KG-${web.world.skuCount}`;
    const page = await newPage(web.context);
    await signInAs(page, web.world, 'admin');
    const screens: [string, string, number?][] = [
      ['/inventory', 'inventory'],
      ['/customers', 'customers'],
      ['/returns', 'returns'],
      ['/purchasing', 'purchasing'],
      ['/planning', 'planning'],
      ['/admin', 'admin'],
      ['/imports', 'imports'],
      ['/warehouse', 'warehouse-home', 360],
      ['/warehouse/pack', 'pack-ship', 360],
      ['/warehouse/receiving', 'receiving', 360],
      ['/warehouse/counts', 'counts', 360],
    ];
    for (const [url, name, width] of screens) {
      await page.setViewportSize({ width: width ?? 1280, height: 900 });
      await page.goto(`${web.world.baseUrl}${url}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, name);
    }
    // Inventory for one SKU: stock by location and the movement history.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${web.world.baseUrl}/inventory`);
    await page.getByLabel('Find SKU (code, name or GTIN)').fill(code);
    await page.getByRole('button', { name: new RegExp(`${code}\\b`) }).click();
    await page
      .getByRole('table', { name: /Movements of/ })
      .locator('tbody tr')
      .first()
      .waitFor();
    await screenshot(page, 'inventory-sku');
    expect(appErrors(page)).toEqual([]);
  });

  it('a planner approves a replenishment suggestion and sees the PO', async () => {
    const skuId = await createSku(web.world, false);
    await seedDemand(web.world, skuId, 120, 6);
    const supplier = await call(web.world.api, 'POST', '/suppliers', web.world.api.as('manager'), {
      code: 'KIBBLE',
      name: 'Kibble Mills',
      currency: 'USD',
      leadTimeDays: 7,
    });
    expect(supplier.statusCode, supplier.body).toBe(201);
    const supplierId = supplier.json().id as number;
    const offer = await call(
      web.world.api,
      'POST',
      `/suppliers/${supplierId}/skus`,
      web.world.api.as('manager'),
      {
        skuId,
        costMinor: 400,
        orderMultiple: 4,
      },
    );
    expect(offer.statusCode, offer.body).toBe(201);

    const page = await newPage(web.context);
    await signInAs(page, web.world, 'planner');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Planning' })
      .click();
    await page.getByRole('button', { name: 'Run replenishment' }).click();
    const box = page.getByRole('checkbox', { name: `Order DOG-DRY-2KG-${web.world.skuCount}` });
    await box.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'planning-failure');
      throw error;
    });
    await screenshot(page, 'planning-suggestions');
    await page.getByRole('button', { name: `DOG-DRY-2KG-${web.world.skuCount}` }).click();
    await page.locator('.sku-plan .chart canvas').waitFor();
    await box.check();
    await page.getByRole('button', { name: /^Approve 1/ }).click();
    const created = page.getByTestId('po-created');
    await created.waitFor();
    const poNumber = (await created.getByRole('link').first().textContent())!.trim();
    await screenshot(page, 'planning-approved');

    const pos = await web.world.api.store.database.db
      .selectFrom('purchase_orders')
      .select(['id', 'number', 'supplier_id', 'status'])
      .execute();
    expect(pos).toHaveLength(1);
    expect(pos[0]).toMatchObject({ number: poNumber, status: 'draft' });
    expect(Number(pos[0]!.supplier_id)).toBe(supplierId);
    // Approved suggestions leave the open list: they never come back to order twice.
    await page
      .getByRole('checkbox', { name: `Order DOG-DRY-2KG-${web.world.skuCount}` })
      .waitFor({ state: 'detached' });
    await created.getByRole('link').first().click();
    await page.locator(`[data-po-id="${pos[0]!.id}"]`).waitFor();
    await screenshot(page, 'purchasing');
    expect(appErrors(page)).toEqual([]);
  }, 60_000);
});

/** `days` days of demand of `perDay` units up to yesterday, as the nightly history job writes it. */
async function seedDemand(world: WebWorld, skuId: number, days: number, perDay: number) {
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const rows = Array.from({ length: days }, (_, i) => ({
    sku_id: skuId,
    warehouse_id: world.warehouse.id,
    day: new Date(today - (days - i) * 86_400_000).toISOString().slice(0, 10),
    ordered_quantity: perDay,
    shipped_quantity: perDay,
    order_lines: 1,
    censored: 0,
  }));
  // The watermark says history is rebuilt up to today, so the run keeps these rows.
  const watermark = new Date().toISOString().slice(0, 10);
  await world.api.store.database.write(async (trx) => {
    await trx.insertInto('demand_daily').values(rows).execute();
    await trx
      .insertInto('settings')
      .values({ key: SETTING.demandWatermark, value: watermark })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: watermark }))
      .execute();
  });
}

import { expect, it } from 'vitest';
import { call, createCustomer, createSku, line, receive } from '../orders/order-fixtures.js';
import { expectLedgerSound, onHandAt, shippedOrder } from '../fulfillment/returns-fixtures.js';
import {
  appErrors,
  newPage,
  screenshot,
  signInAs,
  useWebWorld,
  describeInBrowser,
} from './web-world.js';

describeInBrowser(
  'back-office forms in a real browser (SQLite): customers, returns, prices, POs',
  () => {
    const web = useWebWorld();

    it('a manager creates a customer, edits its credit limit and puts it on hold', async () => {
      const page = await newPage(web.context);
      await signInAs(page, web.world, 'manager');
      await page.goto(`${web.world.baseUrl}/customers`);
      await page.getByRole('link', { name: 'New customer' }).click();
      const field = (label: string) => page.getByLabel(label, { exact: true });
      await field('Account number').fill('PET-200');
      await field('Name').fill('Paws & Co');
      await field('Address line 1').fill('9 Harbor Rd');
      await field('City').fill('Portland');
      await field('Postal code').fill('97201');
      await page.getByLabel(/^Price list/).selectOption({ label: 'TRADE Trade prices' });
      await field('Payment terms (days)').fill('45');
      await field('Backorders allowed').uncheck();
      await field('Minimum remaining shelf life (days)').fill('90');
      await screenshot(page, 'customer-create');
      await page.getByRole('button', { name: 'Create customer' }).click();
      await page.waitForURL(/\/customers\/\d+$/);
      const id = Number(page.url().split('/').pop());
      expect(await page.getByTestId('credit-limit').textContent()).toBe('none');

      // A typo never reaches the API (JSON would send NaN as null: no limit at all).
      await field('Credit limit (empty for none)').fill('25OO');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('[data-code="FORM.INVALID_MONEY"]').waitFor();

      await field('Credit limit (empty for none)').fill('2,500.50');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => page.getByTestId('credit-limit').textContent()).toBe('$2,500.50');

      await field('Hold reason').fill('60 days overdue');
      await page.getByRole('button', { name: 'Put on hold' }).click();
      await page.getByRole('button', { name: 'Release hold' }).waitFor();
      await screenshot(page, 'customer-detail');

      const saved = await call(
        web.world.api,
        'GET',
        `/customers/${id}`,
        web.world.api.as('manager'),
      );
      expect(saved.json()).toMatchObject({
        accountNumber: 'PET-200',
        name: 'Paws & Co',
        billTo: { line1: '9 Harbor Rd', city: 'Portland', postalCode: '97201', country: 'US' },
        priceListId: web.world.priceListId,
        paymentTermsDays: 45,
        creditLimitMinor: 250050,
        allowBackorders: false,
        minRemainingShelfLifeDays: 90,
        onHold: true,
        holdReason: '60 days overdue',
        shipTos: [{ code: 'MAIN', isDefault: true }],
      });
      expect(appErrors(page)).toEqual([]);
    });

    it('sales authorizes a return of a shipped line, receives it and restocks it', async () => {
      const skuId = await createSku(web.world, false);
      await receive(web.world, skuId, 10);
      const customerId = await createCustomer(web.world, 'PET-300');
      const order = await shippedOrder(web.world, customerId, [line(skuId, 6)]);
      const binBefore = await onHandAt(web.world, web.world.reserve2, skuId);

      const page = await newPage(web.context);
      await signInAs(page, web.world, 'sales');
      await page.goto(`${web.world.baseUrl}/orders/${order.orderId}`);
      await page.getByRole('link', { name: 'Authorize return' }).click();
      // Nothing chosen to return: the API refuses and the screen shows its problem as it is.
      await page.getByRole('button', { name: 'Authorize return' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('HTTP 400');

      await page.getByLabel('Quantity returning of line 1').fill('2');
      await page.getByLabel('Reason').selectOption('wrong_item');
      await page.getByRole('button', { name: 'Authorize return' }).click();
      await page.waitForURL(/\/returns\/\d+$/);
      const returnId = Number(page.url().split('/').pop());
      await page.locator('[data-status="authorized"]').waitFor();

      await page.getByRole('button', { name: 'Receive return' }).click();
      await page.locator('[data-status="received"]').waitFor();
      await page.getByLabel(/^Disposition of/).selectOption('restock');
      await page.getByLabel(/^Bin for/).fill('A-01-03');
      await page.getByRole('button', { name: 'Dispose lines' }).click();
      await expect
        .poll(() => page.locator('[data-testid^="disposition-"]').textContent())
        .toBe('restock');
      await page.getByRole('button', { name: 'Close return' }).click();
      await page.locator('[data-status="closed"]').waitFor();
      await screenshot(page, 'return-closed');

      const rma = await call(
        web.world.api,
        'GET',
        `/returns/${returnId}`,
        web.world.api.as('sales'),
      );
      expect(rma.json()).toMatchObject({
        status: 'closed',
        reason: 'wrong_item',
        lines: [{ quantityAuthorized: 2, quantityReceived: 2, disposition: 'restock' }],
      });
      expect(rma.json().creditMinor).toBeGreaterThan(0);
      expect(await onHandAt(web.world, web.world.reserve2, skuId)).toBe(binBefore + 2);
      await expectLedgerSound(web.world);
      expect(appErrors(page)).toEqual([]);
    });

    it('a manager creates a price list with volume tiers and corrects a tier', async () => {
      await createSku(web.world, false);
      const code = `DOG-DRY-2KG-${web.world.skuCount}`;
      const page = await newPage(web.context);
      await signInAs(page, web.world, 'manager');
      await page.goto(`${web.world.baseUrl}/customers`);
      await page.getByLabel('Price list code').fill('VOLUME');
      await page.getByLabel('Price list name').fill('Volume buyers');
      await page.getByRole('button', { name: 'Create price list' }).click();
      await page.waitForURL(/\/price-lists\/\d+$/);
      const listId = Number(page.url().split('/').pop());

      await page.getByLabel('Add SKU (code, name or GTIN)').fill(code);
      await page
        .getByRole('button', { name: new RegExp(`${code}\\b`) })
        .first()
        .click();
      await page.getByLabel('Pack price (tier 1)').fill('5.00');
      await page.getByRole('button', { name: 'Add volume tier' }).click();
      await page.getByLabel('From quantity (tier 2)').fill('24');
      await page.getByLabel('Pack price (tier 2)').fill('4.5');
      await page.getByRole('button', { name: 'Save prices' }).click();
      await expect
        .poll(() => page.locator('table', { hasText: 'Prices' }).locator('tbody tr').count())
        .toBe(2);

      // Correct the 24+ tier: same break and start date, so it replaces, not adds.
      await page
        .getByRole('button', { name: /^Edit .* each$/ })
        .first()
        .click();
      await page.getByLabel('Pack price (tier 2)').fill('4.25');
      await page.getByRole('button', { name: 'Save prices' }).click();
      await expect
        .poll(() => page.locator('table', { hasText: 'Prices' }).textContent())
        .toContain('$4.25');
      await screenshot(page, 'price-list');

      const list = await call(
        web.world.api,
        'GET',
        `/price-lists/${listId}`,
        web.world.api.as('manager'),
      );
      const prices = (list.json().prices as { minQuantity: number; unitPriceMinor: number }[])
        .map((p) => [p.minQuantity, p.unitPriceMinor])
        .sort((a, b) => a[0]! - b[0]!);
      expect(prices).toEqual([
        [1, 500],
        [24, 425],
      ]);
      expect(appErrors(page)).toEqual([]);
    });

    it('a manager drafts a PO, sends it and cancels it', async () => {
      await createSku(web.world, false);
      const code = `DOG-DRY-2KG-${web.world.skuCount}`;
      const supplier = await call(
        web.world.api,
        'POST',
        '/suppliers',
        web.world.api.as('manager'),
        {
          code: 'CHEWS',
          name: 'Chew Works',
          currency: 'USD',
          leadTimeDays: 5,
        },
      );
      expect(supplier.statusCode, supplier.body).toBe(201);
      const page = await newPage(web.context);
      await signInAs(page, web.world, 'manager');
      await page.goto(`${web.world.baseUrl}/purchasing`);
      await page.getByRole('link', { name: 'New purchase order' }).click();
      await page.getByLabel('Supplier').selectOption({ label: 'CHEWS Chew Works' });
      await page.getByLabel('Add SKU (code, name or GTIN)').fill(code);
      await page
        .getByRole('button', { name: new RegExp(`${code}\\b`) })
        .first()
        .click();
      await page.getByLabel('Quantity of line 1 (eaches)').fill('48');
      await page.getByLabel(/^Unit cost of line 1/).fill('2.10');
      await page.getByRole('button', { name: 'Create draft PO' }).click();
      await page.waitForURL(/\/purchasing\/\d+$/);
      const poId = Number(page.url().split('/').pop());
      await page.locator('[data-status="draft"]').waitFor();
      await page.getByRole('button', { name: 'Send to supplier' }).click();
      await page.locator('[data-status="sent"]').waitFor();
      await page.getByRole('button', { name: 'Cancel PO' }).click();
      await page.locator('[data-status="cancelled"]').waitFor();
      await screenshot(page, 'purchase-order');

      const po = await call(
        web.world.api,
        'GET',
        `/purchase-orders/${poId}`,
        web.world.api.as('manager'),
      );
      expect(po.json()).toMatchObject({
        status: 'cancelled',
        lines: [{ skuCode: code, quantityOrdered: 48, unitCostMinor: 210 }],
      });
      expect(appErrors(page)).toEqual([]);
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/adapters/db/database.js';
import { createCustomer, type NewCustomer } from '../../src/app/customers/create-customer.js';
import { loadCustomerForOrder } from '../../src/app/customers/customer-for-order.js';
import { placeHold } from '../../src/app/customers/customer-hold.js';
import { loadShipTo } from '../../src/app/customers/ship-tos.js';
import { setSkuShelfLifeRule, skuShelfLifeRules } from '../../src/app/customers/sku-rules.js';
import { effectiveShelfLifeDays } from '../../src/core/customers/shelf-life.js';
import { FailureError } from '../../src/core/shared/result.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku } from '../support/fixtures.js';
import { customerRowCounts, petStore } from './customer-fixtures.js';

const now = new Date('2026-01-05T12:00:00Z');

describe.each(dialects)('customer use cases for orders on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());

  const create = (account: string, overrides: Record<string, unknown> = {}) =>
    store.database.write((trx) =>
      createCustomer(trx, petStore(account, overrides) as NewCustomer, now),
    );

  it('loads everything an order needs, with the default ship-to', async () => {
    const customer = await create('GRM-4001', { shipComplete: true, allowBackorders: false });
    await store.database.write((trx) =>
      placeHold(trx, customer.id, 'Cheque bounced', 'key:1', now),
    );
    const loaded = await loadCustomerForOrder(store.database.db, customer.id);
    expect(loaded).toEqual({
      id: customer.id,
      accountNumber: 'GRM-4001',
      currency: 'USD',
      priceListId: null,
      priceListCurrency: null,
      paymentTermsDays: 30,
      creditLimitMinor: 500_000,
      onHold: true,
      holdReason: 'Cheque bounced',
      priority: 3,
      preferredWarehouseId: null,
      shipComplete: true,
      allowBackorders: false,
      minRemainingShelfLifeDays: 90,
      active: true,
      defaultShipToId: customer.shipTos.find((s) => s.code === 'STORE-2')!.id,
    });
    expect(await loadCustomerForOrder(store.database.db, 999999)).toBeUndefined();
  });

  it('finds a ship-to only under the customer it belongs to', async () => {
    const a = await create('GRM-4002');
    const b = await create('GRM-4003');
    const shipTo = a.shipTos[0]!;
    expect(await loadShipTo(store.database.db, a.id, shipTo.id)).toEqual(shipTo);
    expect(await loadShipTo(store.database.db, b.id, shipTo.id)).toBeUndefined();
  });

  it('returns per-SKU shelf-life rules for the SKUs asked about, replacing on set', async () => {
    const customer = await create('GRM-4004');
    const wetFood = await insertSku(store.database, 'CAT-WET-85G', true);
    const bags = await insertSku(store.database, 'POOP-BAGS-120');
    const treats = await insertSku(store.database, 'DOG-TREAT-500G', true);
    await store.database.write((trx) => setSkuShelfLifeRule(trx, customer.id, wetFood, 120, now));
    await store.database.write((trx) => setSkuShelfLifeRule(trx, customer.id, wetFood, 180, now));
    await store.database.write((trx) => setSkuShelfLifeRule(trx, customer.id, bags, 0, now));
    const rules = await skuShelfLifeRules(store.database.db, customer.id, [
      wetFood,
      bags,
      treats,
      wetFood,
    ]);
    expect([...rules.entries()].sort()).toEqual(
      [
        [wetFood, 180],
        [bags, 0],
      ].sort(),
    );
    expect(effectiveShelfLifeDays(90, rules.get(treats))).toBe(90);
    expect(effectiveShelfLifeDays(90, rules.get(bags))).toBe(0);
    expect(await skuShelfLifeRules(store.database.db, customer.id, [])).toEqual(new Map());
    const noSku = await run(store.database, (trx) =>
      setSkuShelfLifeRule(trx, customer.id, 999999, 30, now),
    );
    expect(noSku.ok || noSku.error.code).toBe('CUSTOMER.SKU_NOT_FOUND');
  });

  it('rolls the account and its ship-tos back together when the unit fails afterwards', async () => {
    const before = await customerRowCounts(store.database);
    const result = await run(store.database, async (trx) => {
      await createCustomer(trx, petStore('GRM-4005') as NewCustomer, now);
      throw new FailureError({ code: 'TEST.ABORT', message: 'a later step refused' });
    });
    expect(result.ok || result.error.code).toBe('TEST.ABORT');
    expect(await customerRowCounts(store.database)).toEqual(before);
  });
});

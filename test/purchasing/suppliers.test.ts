import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createSku, startOrderWorld, type OrderWorld } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import { createSupplier, createSupplierSku, supplierBody } from './purchasing-fixtures.js';

describe.each(dialects)('suppliers (%s)', (dialect) => {
  let world: OrderWorld;
  const planner = () => world.api.as('planner');
  const remove = (url: string) =>
    world.api.app.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: planner() });

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
  });
  afterAll(() => world.api.close());

  it('registers, reads and updates a supplier', async () => {
    const id = await createSupplier(world.api, { code: 'ACME', name: 'Acme Pet Foods' });
    const got = await call(world.api, 'GET', `/suppliers/${id}`, world.api.as('warehouse'));
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      code: 'ACME',
      currency: 'USD',
      leadTimeDays: 7,
      active: true,
    });
    const patched = await call(world.api, 'PATCH', `/suppliers/${id}`, planner(), {
      leadTimeDays: 10,
      contactName: null,
      minOrderValueMinor: 50_000,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      code: 'ACME',
      leadTimeDays: 10,
      contactName: null,
      minOrderValueMinor: 50_000,
      name: 'Acme Pet Foods',
    });
  });

  it('refuses bad terms with PURCHASING.* problems', async () => {
    const cases: [Record<string, unknown>, string, number][] = [
      [{ currency: 'usd' }, 'PURCHASING.INVALID_CURRENCY', 422],
      [{ email: 'not-an-email' }, 'PURCHASING.INVALID_EMAIL', 422],
      [{ leadTimeDays: 400 }, 'PURCHASING.INVALID_LEAD_TIME', 422],
      [{ minOrderQuantity: -1 }, 'PURCHASING.INVALID_MINIMUM', 422],
      [{ code: 'has space' }, 'PURCHASING.INVALID_CODE', 422],
      [{ code: 'ACME' }, 'PURCHASING.SUPPLIER_ALREADY_EXISTS', 409],
    ];
    for (const [fields, code, status] of cases) {
      const response = await call(world.api, 'POST', '/suppliers', planner(), supplierBody(fields));
      expect(response.statusCode, JSON.stringify(fields)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
    }
    const unknown = await call(world.api, 'PATCH', '/suppliers/999999', planner(), { name: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PURCHASING.SUPPLIER_NOT_FOUND');
  });

  it('lets only buyers write, staff read', async () => {
    const response = await call(
      world.api,
      'POST',
      '/suppliers',
      world.api.as('sales'),
      supplierBody(),
    );
    expect(response.statusCode).toBe(403);
    const list = await call(world.api, 'GET', '/suppliers', world.api.as('sales'));
    expect(list.statusCode).toBe(200);
  });

  it('searches code and name and pages through every supplier once', async () => {
    for (const name of ['Bark Supply', 'Barkley Wholesale', 'Feline Fine']) {
      await createSupplier(world.api, { name });
    }
    const bark = await call(world.api, 'GET', '/suppliers?q=bark', planner());
    expect(bark.json().items.map((s: { name: string }) => s.name)).toEqual([
      'Bark Supply',
      'Barkley Wholesale',
    ]);
    const all = await call(world.api, 'GET', '/suppliers?limit=500', planner());
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await call(
        world.api,
        'GET',
        `/suppliers?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        planner(),
      );
      expect(page.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json().items.map((s: { id: number }) => s.id));
      cursor = page.json().nextCursor;
    }
    expect(seen).toEqual(all.json().items.map((s: { id: number }) => s.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps a price list per supplier: add, update, list, remove', async () => {
    const supplierId = await createSupplier(world.api);
    const skuId = await createSku(world, false);
    await createSupplierSku(world.api, supplierId, skuId, { costMinor: 420, orderMultiple: 4 });
    const again = await call(world.api, 'POST', `/suppliers/${supplierId}/skus`, planner(), {
      skuId,
      costMinor: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PURCHASING.SUPPLIER_SKU_ALREADY_EXISTS');
    const bad = await call(world.api, 'POST', `/suppliers/${supplierId}/skus`, planner(), {
      skuId: 999_999,
      costMinor: 1,
    });
    expect(bad.json().code).toBe('PURCHASING.SKU_NOT_FOUND');
    const zeroMultiple = await call(
      world.api,
      'PATCH',
      `/suppliers/${supplierId}/skus/${skuId}`,
      planner(),
      { orderMultiple: 0 },
    );
    expect(zeroMultiple.statusCode).toBe(422);
    expect(zeroMultiple.json().code).toBe('PURCHASING.INVALID_ORDER_MULTIPLE');
    const patched = await call(
      world.api,
      'PATCH',
      `/suppliers/${supplierId}/skus/${skuId}`,
      planner(),
      { costMinor: 399, leadTimeDays: 12, minOrderQuantity: 48 },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const list = await call(world.api, 'GET', `/suppliers/${supplierId}/skus`, planner());
    expect(list.json().items).toMatchObject([
      { skuId, costMinor: 399, orderMultiple: 4, leadTimeDays: 12, minOrderQuantity: 48 },
    ]);
    const removed = await remove(`/suppliers/${supplierId}/skus/${skuId}`);
    expect(removed.statusCode).toBe(200);
    const gone = await call(world.api, 'GET', `/suppliers/${supplierId}/skus`, planner());
    expect(gone.json().items).toEqual([]);
    const twice = await remove(`/suppliers/${supplierId}/skus/${skuId}`);
    expect(twice.json().code).toBe('PURCHASING.SUPPLIER_SKU_NOT_FOUND');
  });

  it('sets the preferred supplier per SKU × warehouse and keeps the planner’s other settings', async () => {
    const skuId = await createSku(world, false);
    const [first, second] = [await createSupplier(world.api), await createSupplier(world.api)];
    await createSupplierSku(world.api, first, skuId);
    const db = world.api.store.database;
    const notSold = await call(world.api, 'PUT', `/skus/${skuId}/preferred-supplier`, planner(), {
      warehouseId: world.warehouse.id,
      supplierId: second,
    });
    expect(notSold.statusCode).toBe(422);
    expect(notSold.json().code).toBe('PURCHASING.SKU_NOT_SUPPLIED');

    const set = await call(world.api, 'PUT', `/skus/${skuId}/preferred-supplier`, planner(), {
      warehouseId: world.warehouse.id,
      supplierId: first,
    });
    expect(set.statusCode, set.body).toBe(200);
    // The planning engineer's columns, set behind our back, must survive a change of supplier.
    await db.write((trx) =>
      trx
        .updateTable('sku_planning')
        .set({ abc_class: 'A', abc_pinned: 1, service_level: 0.98 })
        .where('sku_id', '=', skuId)
        .execute(),
    );
    await createSupplierSku(world.api, second, skuId);
    const change = await call(world.api, 'PUT', `/skus/${skuId}/preferred-supplier`, planner(), {
      warehouseId: world.warehouse.id,
      supplierId: second,
    });
    expect(change.statusCode).toBe(200);
    const rows = await db.db
      .selectFrom('sku_planning')
      .selectAll()
      .where('sku_id', '=', skuId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      preferred_supplier_id: second,
      abc_class: 'A',
      abc_pinned: 1,
      service_level: 0.98,
    });
    // Taking the SKU off that supplier's list clears the preference.
    await remove(`/suppliers/${second}/skus/${skuId}`);
    const after = await db.db
      .selectFrom('sku_planning')
      .select('preferred_supplier_id')
      .where('sku_id', '=', skuId)
      .executeTakeFirstOrThrow();
    expect(after.preferred_supplier_id).toBeNull();
  });
});

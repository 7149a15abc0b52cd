import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSscc } from '../../src/core/gs1/sscc.js';
import { dialects } from '../support/databases.js';
import {
  expectLedgerSound,
  gs1Label,
  gtinsOf,
  pickedOrder,
  stockedSku,
  type FulfillmentWorld,
  startFulfillmentWorld,
} from './fulfillment-fixtures.js';
import { call, createCustomer, line, orderDetail } from '../orders/order-fixtures.js';

/** Dog food bags weigh 2050 g; cases of 4. */
const BAG_G = 2050;

describe.each(dialects)('packing on %s', (dialect) => {
  let world: FulfillmentWorld;
  let skuId: number;
  let gtin: { each: string; case: string };
  let other: number;
  let shop: number;
  let boxId: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    const sku = await stockedSku(
      world,
      [
        [world.pickFace, 40, 'L1'],
        [world.reserve, 10, 'L2'],
      ],
      true,
    );
    skuId = sku.skuId;
    gtin = gtinsOf(sku.n);
    other = (await stockedSku(world, [[world.pickFace, 10]])).skuId;
    shop = await createCustomer(world, 'PACK-1');
  });
  afterAll(async () => world?.api.close());

  const post = (
    url: string,
    body?: unknown,
    role: 'warehouse' | 'sales' | 'manager' = 'warehouse',
  ) => call(world.api, 'POST', url, world.api.as(role), body);
  const get = (url: string) => call(world.api, 'GET', url, world.api.as('warehouse'));
  const open = async (orderId: number, cartonTypeId?: number) => {
    const response = await post(`/orders/${orderId}/cartons`, cartonTypeId ? { cartonTypeId } : {});
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; sscc: string; weightG: number; status: string };
  };
  /** What a refused pack must leave as it was. */
  const packState = async () => {
    const db = world.api.store.database.db;
    return {
      contents: await db.selectFrom('carton_contents').selectAll().orderBy('id').execute(),
      cartons: await db.selectFrom('cartons').selectAll().orderBy('id').execute(),
      balances: await db
        .selectFrom('stock_balances')
        .selectAll()
        .orderBy('location_id')
        .orderBy('sku_id')
        .orderBy('lot_id')
        .execute(),
      movements: await db.selectFrom('stock_movements').select('id').execute(),
    };
  };

  it('keeps carton types: add, refuse a duplicate, change, list, remove an unused one', async () => {
    const box = {
      code: 'box-s',
      name: 'Small box',
      lengthMm: 400,
      widthMm: 300,
      heightMm: 300,
      maxWeightG: 10_000,
      tareWeightG: 500,
    };
    const created = await post('/carton-types', box, 'manager');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'BOX-S', maxWeightG: 10_000, tareWeightG: 500 });
    boxId = created.json().id as number;
    expect((await post('/carton-types', box, 'manager')).statusCode).toBe(409);
    expect((await post('/carton-types', { ...box, code: 'X' }, 'warehouse')).statusCode).toBe(403);
    const spare = await post('/carton-types', { ...box, code: 'SPARE', tareWeightG: 0 }, 'manager');
    const patched = await call(
      world.api,
      'PATCH',
      `/carton-types/${spare.json().id}`,
      world.api.as('manager'),
      { name: 'Spare box' },
    );
    expect(patched.json()).toMatchObject({ name: 'Spare box', code: 'SPARE' });
    const bad = await call(world.api, 'PATCH', `/carton-types/${boxId}`, world.api.as('manager'), {
      tareWeightG: 20_000,
    });
    expect(bad.json().code).toBe('CARTON_TYPE.INVALID_WEIGHT');
    expect((await get('/carton-types')).json().map((t: { code: string }) => t.code)).toEqual([
      'BOX-S',
      'SPARE',
    ]);
    const removed = await world.api.app.inject({
      method: 'DELETE',
      url: `/api/v1/carton-types/${spare.json().id}`,
      headers: world.api.as('manager'),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await get(`/carton-types/${spare.json().id}`)).statusCode).toBe(404);
  });

  it('gives each carton a unique, valid SSCC from the company prefix and the sequence', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2)]);
    const ssccs = [];
    for (let i = 0; i < 3; i++) ssccs.push((await open(orderId)).sscc);
    expect(new Set(ssccs).size).toBe(3);
    for (const sscc of ssccs) {
      expect(isValidSscc(sscc)).toBe(true);
      expect(sscc.slice(0, 8)).toBe('00614141');
    }
    const serials = ssccs.map((s) => Number(s.slice(8, 17)));
    expect(serials[1]! - serials[0]!).toBe(1);
    await world.api.store.database.write((trx) =>
      trx
        .insertInto('settings')
        .values({ key: 'gs1_company_prefix', value: '0812345678' })
        .execute(),
    );
    const next = (await open(orderId)).sscc;
    expect(next.slice(0, 11)).toBe('00812345678');
    expect(isValidSscc(next)).toBe(true);
    await world.api.store.database.write((trx) =>
      trx.deleteFrom('settings').where('key', '=', 'gs1_company_prefix').execute(),
    );
    expect((await post(`/orders/${orderId}/cartons`, {}, 'sales')).statusCode).toBe(403);
  });

  it('refuses over-packing, SKUs and lots not picked, and an overweight carton, changing nothing', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 6)]);
    const boxed = await open(orderId, boxId);
    expect(boxed.weightG).toBe(500);
    const four = await post(`/cartons/${boxed.id}/items`, {
      scan: gs1Label(gtin.each, 'L1'),
      quantity: 4,
    });
    expect(four.statusCode, four.body).toBe(200);
    expect(four.json().weightG).toBe(500 + 4 * BAG_G);
    const before = await packState();
    const refusals: [unknown, string][] = [
      [{ scan: gs1Label(gtin.each, 'L1') }, 'PACK.OVERWEIGHT'],
      [{ skuId, lotCode: 'L1', quantity: 3 }, 'PACK.OVER_PACK'],
      [{ skuId: other, quantity: 1 }, 'PACK.NOT_PICKED'],
      [{ scan: gs1Label(gtin.each, 'L2') }, 'PACK.NOT_PICKED'],
      [{ scan: gs1Label(gtin.each, 'NOPE') }, 'PACK.NOT_PICKED'],
      [{ scan: 'MAIN-A-01-01' }, 'PACK.UNRECOGNIZED_SCAN'],
    ];
    for (const [body, code] of refusals) {
      const response = await post(`/cartons/${boxed.id}/items`, body);
      expect(response.statusCode, `${JSON.stringify(body)}: ${response.body}`).toBe(422);
      expect(response.json().code).toBe(code);
    }
    expect(await packState()).toEqual(before);
    await expectLedgerSound(world);
  });

  it('packs by each, case and keyed entry; the order is packed when all picked is in closed cartons', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2, 'case'), line(other, 3)]);
    const first = await open(orderId);
    const second = await open(orderId);
    expect(
      (await post(`/cartons/${first.id}/items`, { scan: gs1Label(gtin.case, 'L1') })).statusCode,
    ).toBe(200);
    expect(
      (await post(`/cartons/${first.id}/items`, { scan: gtin.each, quantity: 3 })).statusCode,
    ).toBe(200);
    expect(
      (await post(`/cartons/${second.id}/items`, { skuId: other, quantity: 3 })).statusCode,
    ).toBe(200);
    const firstClosed = await post(`/cartons/${first.id}/close`);
    expect(firstClosed.json()).toMatchObject({ status: 'closed', orderStatus: 'picked' });
    expect((await post(`/cartons/${first.id}/items`, { scan: gtin.each })).json().code).toBe(
      'PACK.CARTON_NOT_OPEN',
    );
    expect((await post(`/cartons/${second.id}/items`, { scan: gtin.each })).statusCode).toBe(200);
    const closed = await post(`/cartons/${second.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', orderStatus: 'packed' });
    expect((await orderDetail(world, orderId)).status).toBe('packed');
    const cartons = (await get(`/orders/${orderId}/cartons`)).json() as {
      contents: { skuId: number; lotCode: string | null; quantity: number }[];
    }[];
    expect(cartons[0]!.contents).toEqual([
      expect.objectContaining({ skuId, lotCode: 'L1', quantity: 7 }),
    ]);
    expect(cartons[1]!.contents.map((c) => c.quantity)).toEqual([3, 1]);
    await expectLedgerSound(world);
  });

  it('refuses to close an empty carton', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 1)]);
    const carton = await open(orderId);
    expect((await post(`/cartons/${carton.id}/close`)).json().code).toBe('PACK.CARTON_EMPTY');
  });

  it('prints the carton label as PDF and ZPL, and the packing slip', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2)]);
    const carton = await open(orderId);
    await post(`/cartons/${carton.id}/items`, { scan: gtin.each, quantity: 2 });
    const pdf = await get(`/cartons/${carton.id}/label.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const zpl = await get(`/cartons/${carton.id}/label.zpl`);
    expect(zpl.statusCode, zpl.body).toBe(200);
    expect(zpl.body).toContain('^XA');
    expect(zpl.body).toContain(carton.sscc);
    const slip = await get(`/orders/${orderId}/packing-slip.pdf`);
    expect(slip.statusCode, slip.body).toBe(200);
    expect(slip.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('/cartons/999999/label.pdf')).statusCode).toBe(404);
  });
});

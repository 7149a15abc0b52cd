import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCarrierLabel } from '../../src/core/fulfillment/carrier-label-scan.js';
import { dialects } from '../support/databases.js';
import {
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';
import { call, createCustomer, line } from '../orders/order-fixtures.js';

describe('reading a carrier label scan', () => {
  it('finds UPS, USPS IMpb and FedEx 34-digit numbers, and keyed ones', () => {
    expect(readCarrierLabel('1z999aa10123456784')).toMatchObject({
      value: { trackingNumber: '1Z999AA10123456784', carrier: 'UPS' },
    });
    expect(readCarrierLabel(']C142043215\u001d9400111899223197428490')).toMatchObject({
      value: { trackingNumber: '9400111899223197428490', carrier: 'USPS' },
    });
    expect(readCarrierLabel('1001901781990001000300617767839437')).toMatchObject({
      value: { trackingNumber: '617767839437', carrier: 'FEDEX' },
    });
    expect(readCarrierLabel('PRO 123-456-789')).toMatchObject({
      value: { trackingNumber: 'PRO123456789', carrier: null },
    });
    expect(readCarrierLabel('??')).toMatchObject({
      ok: false,
      error: { code: 'SHIP.TRACKING_UNREADABLE' },
    });
  });
});

/** Issue 18, items 8 and 9: tracking per carton, entered by hand or by scan, on each label. */
describe.each(dialects)('tracking per carton on %s', (dialect) => {
  let world: FulfillmentWorld;
  let skuId: number;
  let shop: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    skuId = (await stockedSku(world, [[world.pickFace, 60]])).skuId;
    shop = await createCustomer(world, 'TRACK-1');
  });
  afterAll(async () => world?.api.close());

  const as = () => world.api.as('warehouse');
  const post = (url: string, body?: unknown) => call(world.api, 'POST', url, as(), body);
  const put = (url: string, body: unknown) =>
    world.api.app.inject({
      method: 'PUT',
      url: `/api/v1${url}`,
      headers: as(),
      payload: body as object,
    });
  const get = (url: string) => call(world.api, 'GET', url, as());
  const twoCartons = async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 4)]);
    const ids: number[] = [];
    for (const quantity of [2, 2]) {
      const carton = (await post(`/orders/${orderId}/cartons`, {})).json() as { id: number };
      expect((await post(`/cartons/${carton.id}/items`, { skuId, quantity })).statusCode).toBe(200);
      expect((await post(`/cartons/${carton.id}/close`)).statusCode).toBe(200);
      ids.push(carton.id);
    }
    return { orderId, ids };
  };

  it("prints each carton's own parcel number on its label (PDF data and ZPL)", async () => {
    const { orderId, ids } = await twoCartons();
    const shipped = await post(`/orders/${orderId}/ship`, {
      carrierCode: 'TABLE',
      service: 'ground',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const numbers = shipped.json().trackingNumbers as string[];
    expect(numbers).toHaveLength(2);
    expect(new Set(numbers).size).toBe(2);
    for (const [i, id] of ids.entries()) {
      const zpl = await get(`/cartons/${id}/label.zpl`);
      expect(zpl.body).toContain(`^FD${numbers[i]}^FS`);
      expect(zpl.body).not.toContain(`^FD${numbers[1 - i]}^FS`);
      expect((await get(`/cartons/${id}`)).json().trackingNumber).toBe(numbers[i]);
    }
    const shipment = await get(`/shipments/${shipped.json().shipmentId}`);
    expect(shipment.json().trackingNumbers).toEqual(numbers);
  });

  it("records a distributor's own UPS numbers per carton, by scan or keyed, refusing a repeat", async () => {
    const { orderId, ids } = await twoCartons();
    const shipped = await post(`/orders/${orderId}/ship`, {
      carrierCode: 'PICKUP',
      service: 'will_call',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const first = await put(`/cartons/${ids[0]}/tracking`, { scan: ']C11Z999AA10123456784' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ trackingNumber: '1Z999AA10123456784', carrier: 'UPS' });
    const dup = await put(`/cartons/${ids[1]}/tracking`, { trackingNumber: '1Z999AA10123456784' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('SHIP.TRACKING_DUPLICATE');
    const second = await put(`/cartons/${ids[1]}/tracking`, {
      trackingNumber: '1Z999AA10123456793',
      carrier: 'UPS',
    });
    expect(second.statusCode, second.body).toBe(200);
    const again = await put(`/cartons/${ids[1]}/tracking`, {
      trackingNumber: '1Z999AA10000000001',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SHIP.TRACKING_ALREADY_EXISTS');
    const bad = await put(`/cartons/${ids[1]}/tracking`, { scan: '##' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('SHIP.TRACKING_UNREADABLE');
    const shipment = await get(`/shipments/${shipped.json().shipmentId}`);
    expect(shipment.json().trackingNumbers).toEqual(['1Z999AA10123456784', '1Z999AA10123456793']);
    const zpl = await get(`/cartons/${ids[1]}/label.zpl`);
    expect(zpl.body).toContain('^FD1Z999AA10123456793^FS');
  });
});

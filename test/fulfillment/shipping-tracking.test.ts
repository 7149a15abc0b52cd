import crypto from 'node:crypto';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  easyPostSignatureValid,
  trackingEventsOf,
} from '../../src/adapters/carriers/easypost-tracker.js';
import { deliveryFacts } from '../../src/app/kpis/order-facts.js';
import { dialects } from '../support/databases.js';
import { call, createCustomer, line, orderDetail } from '../orders/order-fixtures.js';
import {
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';

const SECRET = 'whsec-test';

/** EasyPost's `tracker.updated` Event, as its webhook sends it. */
const trackerUpdated = (code: string, details: [string, string][], signedBy?: string) => ({
  object: 'Event',
  description: 'tracker.updated',
  result: {
    object: 'Tracker' as const,
    tracking_code: code,
    status: details.at(-1)![0],
    signed_by: signedBy ?? null,
    tracking_details: details.map(([status, datetime]) => ({
      status,
      datetime,
      message: `scan ${status}`,
      tracking_location: { city: 'COLUMBUS', state: 'OH', country: 'US' },
    })),
  },
});

describe('EasyPost tracker events', () => {
  it('folds tracking details into our statuses and skips pre-transit scans', () => {
    const events = trackingEventsOf(
      trackerUpdated(
        '1Z1',
        [
          ['pre_transit', '2026-03-02T10:00:00Z'],
          ['in_transit', '2026-03-02T20:00:00Z'],
          ['delivered', '2026-03-04T15:00:00Z'],
        ],
        'J. DOE',
      ),
    );
    expect(events).toMatchObject({
      ok: true,
      value: [
        { status: 'in_transit', location: 'COLUMBUS, OH, US', signedBy: undefined },
        { status: 'delivered', occurredAt: '2026-03-04T15:00:00Z', signedBy: 'J. DOE' },
      ],
    });
    const body = '{"a":1}';
    const hmac = crypto.createHmac('sha256', SECRET).update(body).digest('hex');
    expect(easyPostSignatureValid(body, `hmac-sha256-hex=${hmac}`, SECRET)).toBe(true);
    expect(easyPostSignatureValid(`${body} `, `hmac-sha256-hex=${hmac}`, SECRET)).toBe(false);
    expect(trackingEventsOf({ description: 'batch.created', result: {} })).toMatchObject({
      ok: false,
      error: { code: 'CARRIER.UNKNOWN_EVENT' },
    });
  });
});

/** Issue 18, item 10: tracking events update the shipment; exceptions and deliveries show. */
describe.each(dialects)('tracking events on %s', (dialect) => {
  let world: FulfillmentWorld;
  let skuId: number;
  let shop: number;
  beforeAll(async () => {
    // The webhook route takes its secret from the environment when the server is built.
    const saved = process.env.EASYPOST_WEBHOOK_SECRET;
    process.env.EASYPOST_WEBHOOK_SECRET = SECRET;
    world = await startFulfillmentWorld(dialect);
    if (saved === undefined) delete process.env.EASYPOST_WEBHOOK_SECRET;
    else process.env.EASYPOST_WEBHOOK_SECRET = saved;
    skuId = (await stockedSku(world, [[world.pickFace, 100]])).skuId;
    shop = await createCustomer(world, 'TRACK-EVENTS');
  });
  afterAll(async () => world?.api.close());

  const as = () => world.api.as('warehouse');
  const post = (url: string, body?: unknown, headers = as()) =>
    call(world.api, 'POST', url, headers, body);
  const db = () => world.api.store.database.db;
  /** A shipped order of `cartons` cartons; its shipment and each carton's tracking number. */
  const shippedOrder = async (cartons: number) => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, cartons)]);
    for (let i = 0; i < cartons; i++) {
      const carton = (await post(`/orders/${orderId}/cartons`, {})).json() as { id: number };
      await post(`/cartons/${carton.id}/items`, { skuId, quantity: 1 });
      await post(`/cartons/${carton.id}/close`);
    }
    const shipped = await post(`/orders/${orderId}/ship`, {
      carrierCode: 'TABLE',
      service: 'ground',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const { shipmentId, trackingNumbers } = shipped.json() as {
      shipmentId: number;
      trackingNumbers: string[];
    };
    return { orderId, shipmentId, numbers: trackingNumbers };
  };
  const track = (trackingNumber: string, events: Record<string, unknown>[]) =>
    post('/shipments/tracking-events', { trackingNumber, events });
  const shipment = async (id: number) =>
    (await call(world.api, 'GET', `/shipments/${id}`, as())).json();

  it('stores events once, follows the latest, and delivers when the last parcel is delivered', async () => {
    const { orderId, shipmentId, numbers } = await shippedOrder(2);
    const inTransit = { status: 'in_transit', occurredAt: '2026-03-02T20:00:00Z', location: 'OH' };
    const first = await track(numbers[0]!, [inTransit]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ recorded: 1, trackingStatus: 'in_transit' });
    expect((await track(numbers[0]!, [inTransit])).json()).toMatchObject({ recorded: 0 });
    // Delivered late in the day UTC, two days after it left: the KPIs read this time.
    const deliveredAt = '2026-03-04T23:30:00.000Z';
    await track(numbers[0]!, [{ status: 'delivered', occurredAt: '2026-03-04T10:00:00Z' }]);
    expect(await shipment(shipmentId)).toMatchObject({
      status: 'shipped',
      trackingStatus: 'delivered',
      deliveredAt: null,
    });
    const last = await track(numbers[1]!, [
      { status: 'out_for_delivery', occurredAt: '2026-03-04T08:00:00Z' },
      { status: 'delivered', occurredAt: deliveredAt, signedBy: 'R. ROE' },
    ]);
    expect(last.json()).toMatchObject({ recorded: 2, shipmentStatus: 'delivered' });
    const delivered = await shipment(shipmentId);
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt, podName: 'R. ROE' });
    expect((await orderDetail(world, orderId)).status).toBe('delivered');
    const stored = await db()
      .selectFrom('shipment_tracking_events')
      .select(['carton_id', 'status'])
      .where('shipment_id', '=', shipmentId)
      .execute();
    expect(stored).toHaveLength(4);
    expect(new Set(stored.map((s) => s.carton_id)).size).toBe(2);
    const facts = await deliveryFacts(db(), {
      from: '2026-03-01',
      to: '2026-03-10',
      period: 'day',
      groupBy: 'none',
    });
    const shippedAt = delivered.shippedAt as string;
    expect(facts.map((f) => f.hours)).toContain(
      (Date.parse(deliveredAt) - Date.parse(shippedAt)) / 3.6e6,
    );
  });

  it('raises shipment.exception (documented, validating) and shows it on the order', async () => {
    const { orderId, shipmentId, numbers } = await shippedOrder(1);
    const raised = await track(numbers[0]!, [
      { status: 'exception', occurredAt: '2026-03-03T09:00:00Z', detail: 'Address not found' },
    ]);
    expect(raised.json()).toMatchObject({ recorded: 1, trackingStatus: 'exception' });
    expect((await shipment(shipmentId)).trackingStatus).toBe('exception');
    const timeline = (await orderDetail(world, orderId)).timeline;
    expect(timeline.find((e) => e.type === 'shipment_exception')?.data).toMatchObject({
      shipmentId,
      detail: 'Address not found',
    });
    const events = await db()
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', 'in', ['shipment.exception', 'order.shipment_exception'])
      .where('aggregate_id', 'in', [String(shipmentId), String(orderId)])
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual([
      'order.shipment_exception',
      'shipment.exception',
    ]);
    const spec = (await world.api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ajv = new Ajv({ strict: false, validateFormats: false });
    for (const e of events) {
      const schema = spec.webhooks[e.type].post.requestBody.content['application/json'].schema;
      const data = schema.properties.data;
      const payload = typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload;
      expect(ajv.validate(data, payload), JSON.stringify(ajv.errors)).toBe(true);
    }
  });

  it('refuses unknown numbers, bad statuses and other roles, writing nothing', async () => {
    const before = await db().selectFrom('shipment_tracking_events').select('id').execute();
    const unknown = await track('NOPE123', [
      { status: 'in_transit', occurredAt: '2026-03-02T20:00:00Z' },
    ]);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SHIPMENT.TRACKING_NOT_FOUND');
    const { numbers } = await shippedOrder(1);
    expect(
      (await track(numbers[0]!, [{ status: 'teleported', occurredAt: '2026-03-02T20:00:00Z' }]))
        .statusCode,
    ).toBe(400);
    const sales = await post(
      '/shipments/tracking-events',
      {
        trackingNumber: numbers[0],
        events: [{ status: 'in_transit', occurredAt: '2026-03-02T20:00:00Z' }],
      },
      world.api.as('sales'),
    );
    expect(sales.statusCode).toBe(403);
    expect(await db().selectFrom('shipment_tracking_events').select('id').execute()).toEqual(
      before,
    );
  });

  it("takes EasyPost's signed tracker webhook and refuses an unsigned one", async () => {
    const { shipmentId, numbers } = await shippedOrder(1);
    const body = JSON.stringify(
      trackerUpdated(
        numbers[0]!,
        [
          ['in_transit', '2026-03-02T20:00:00Z'],
          ['delivered', '2026-03-03T14:00:00Z'],
        ],
        'J. DOE',
      ),
    );
    const sign = (secret: string) =>
      `hmac-sha256-hex=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
    const send = (url: string, signature: string) =>
      world.api.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'x-hmac-signature': signature },
        payload: body,
      });
    const forged = await send('/api/v1/carrier-webhooks/easypost', sign('wrong'));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('AUTH.WEBHOOK_SIGNATURE');
    expect((await send('/api/v1/carrier-webhooks/easypost', 'none')).statusCode).toBe(401);
    const signed = await send('/api/v1/carrier-webhooks/easypost', sign(SECRET));
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ recorded: 2, shipmentStatus: 'delivered' });
    expect(await shipment(shipmentId)).toMatchObject({
      status: 'delivered',
      deliveredAt: '2026-03-03T14:00:00.000Z',
      podName: 'J. DOE',
    });
  });
});

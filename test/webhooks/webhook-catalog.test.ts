import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../../src/adapters/http/webhook-events.js';
import { webhookBody } from '../../src/app/webhooks/claim-deliveries.js';
import { dialects } from '../support/databases.js';
import {
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from '../fulfillment/fulfillment-fixtures.js';
import { call, createCustomer, line } from '../orders/order-fixtures.js';

/** Issue 18, item 13: every event we deliver is documented in OpenAPI `webhooks` and fits it. */
describe.each(dialects)('the webhooks section of the OpenAPI document, on %s', (dialect) => {
  let world: FulfillmentWorld;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
  });
  afterAll(async () => world?.api.close());

  it('documents each event of an order shipped and delivered, and each body validates', async () => {
    const skuId = (await stockedSku(world, [[world.pickFace, 60]])).skuId;
    const shop = await createCustomer(world, 'HOOK-1');
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2)]);
    const headers = world.api.as('warehouse');
    const carton = (
      await call(world.api, 'POST', `/orders/${orderId}/cartons`, headers, {})
    ).json();
    await call(world.api, 'POST', `/cartons/${carton.id}/items`, headers, { skuId, quantity: 2 });
    await call(world.api, 'POST', `/cartons/${carton.id}/close`, headers);
    const shipped = await call(world.api, 'POST', `/orders/${orderId}/ship`, headers, {
      carrierCode: 'TABLE',
      service: 'ground',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const delivered = await call(
      world.api,
      'POST',
      `/shipments/${shipped.json().shipmentId}/delivery`,
      headers,
      { deliveredAt: '2026-03-04T15:00:00Z', podName: 'J. Doe' },
    );
    expect(delivered.statusCode, delivered.body).toBeLessThan(300);

    const spec = (await world.api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.webhooks ?? {}).sort()).toEqual(Object.keys(WEBHOOK_EVENTS).sort());
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const events = await world.api.store.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .orderBy('id')
      .execute();
    const types = new Set(events.map((e) => e.type));
    for (const t of ['order.created', 'order.shipped', 'shipment.created', 'invoice.issued'])
      expect(types).toContain(t);
    for (const e of events) {
      const hook = spec.webhooks[e.type];
      expect(hook, `${e.type} is not in the OpenAPI webhooks`).toBeDefined();
      const schema = hook.post.requestBody.content['application/json'].schema;
      const body = JSON.parse(webhookBody({ ...e, event_type: e.type }));
      const valid = ajv.validate(schema, body);
      expect(valid, `${e.type}: ${ajv.errorsText()}`).toBe(true);
    }
  });
});

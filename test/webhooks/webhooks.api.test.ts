import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../../src/app/webhooks/deliver-webhooks.js';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { startReceiver, type Receiver } from './receiver.js';

interface Endpoint {
  id: number;
  url: string;
  status: string;
  secret?: string;
  eventTypes: string[];
}

describe.each(dialects)('webhooks API on %s', (dialect) => {
  let api: TestApi;
  let hooks: Receiver;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    hooks = await startReceiver({ respond: (_r, i) => (i < 1 ? 500 : 200) });
  });
  afterAll(async () => {
    await hooks?.close();
    await api?.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => api.app.inject({ method, url: `/api/v1${url}`, headers: api.as('admin'), payload });

  it('is for admins only', async () => {
    for (const role of ['manager', 'warehouse', 'sales'] as const) {
      const res = await api.app.inject({
        method: 'GET',
        url: '/api/v1/webhooks/endpoints',
        headers: api.as(role),
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('refuses private targets until the setting allows them; shows the secret only once', async () => {
    const body = { url: hooks.url, eventTypes: ['order.*', 'shipment.shipped'] };
    const refused = await call('POST', '/webhooks/endpoints', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'WEBHOOKS.PRIVATE_TARGET',
      addressKind: 'loopback',
    });

    const setting = await call('PUT', '/settings/webhooks', { allowPrivateTargets: true });
    expect(setting.json()).toEqual({ allowPrivateTargets: true });
    const created = await call('POST', '/webhooks/endpoints', body);
    expect(created.statusCode).toBe(201);
    const endpoint = created.json<Endpoint>();
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(endpoint.eventTypes).toEqual(['order.*', 'shipment.shipped']);

    const listed = (await call('GET', '/webhooks/endpoints')).json<{ items: Endpoint[] }>();
    expect(listed.items.map((e) => e.id)).toEqual([endpoint.id]);
    expect(listed.items[0]).not.toHaveProperty('secret');

    const bad = await call('POST', '/webhooks/endpoints', {
      url: hooks.url,
      eventTypes: ['Orders'],
    });
    expect(bad.json()).toMatchObject({ code: 'WEBHOOKS.INVALID_EVENT_TYPE', invalid: ['Orders'] });
    const ftp = await call('POST', '/webhooks/endpoints', {
      url: 'ftp://x.example',
      eventTypes: ['*'],
    });
    expect(ftp.json()).toMatchObject({ code: 'WEBHOOKS.INVALID_URL' });
  });

  it('pings, lists the dead letter, replays one delivery and all of an endpoint', async () => {
    const [endpoint] = (await call('GET', '/webhooks/endpoints')).json<{ items: Endpoint[] }>()
      .items;
    const rotated = (
      await call('POST', `/webhooks/endpoints/${endpoint!.id}/rotate-secret`, {})
    ).json<Endpoint>();
    hooks.secret = rotated.secret!;

    const ping = await call('POST', `/webhooks/endpoints/${endpoint!.id}/ping`);
    expect(ping.statusCode).toBe(202);
    const delivery = ping.json<{ id: number; eventType: string }>();
    expect(delivery.eventType).toBe('webhook.ping');

    // First answer is a 500: move the delivery to the dead letter by hand, as if retries ran out.
    await deliverWebhooks(api.ctx);
    await api.store.database.write((trx) =>
      trx.updateTable('webhook_deliveries').set({ status: 'dead' }).execute(),
    );
    const dead = (await call('GET', '/webhooks/deliveries?status=dead')).json<{
      items: { id: number; lastStatusCode: number; attempts: number }[];
    }>();
    expect(dead.items).toMatchObject([{ id: delivery.id, lastStatusCode: 500, attempts: 1 }]);

    const replay = await call('POST', `/webhooks/deliveries/${delivery.id}/replay`);
    expect(replay.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await call('POST', `/webhooks/deliveries/${delivery.id}/replay`);
    expect(again.statusCode).toBe(409);
    await deliverWebhooks(api.ctx);
    expect(hooks.received.at(-1)!.verified).toBe(true);
    const done = (await call('GET', `/webhooks/deliveries?endpointId=${endpoint!.id}`)).json<{
      items: { status: string }[];
    }>();
    expect(done.items.map((d) => d.status)).toEqual(['succeeded']);

    const none = await call('POST', `/webhooks/endpoints/${endpoint!.id}/replay-dead`);
    expect(none.json()).toEqual({ endpointId: endpoint!.id, replayed: 0 });
    expect((await call('POST', '/webhooks/deliveries/999999/replay')).statusCode).toBe(404);
    const unknown = await call('POST', '/webhooks/endpoints/999999/replay-dead');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'WEBHOOKS.ENDPOINT_NOT_FOUND']);
  });

  it('disables, re-enables and deletes an endpoint', async () => {
    const [endpoint] = (await call('GET', '/webhooks/endpoints')).json<{ items: Endpoint[] }>()
      .items;
    const path = `/webhooks/endpoints/${endpoint!.id}`;
    expect((await call('PATCH', path, { status: 'disabled' })).json()).toMatchObject({
      status: 'disabled',
      disabledReason: 'disabled by an admin',
    });
    expect((await call('PATCH', path, { status: 'active' })).json()).toMatchObject({
      status: 'active',
      disabledReason: null,
    });
    expect((await call('DELETE', path)).statusCode).toBe(200);
    expect((await call('GET', path)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCarriers } from '../../src/adapters/carriers/carrier-registry.js';
import {
  EasyPostCarrier,
  easyPostConfigFromEnv,
} from '../../src/adapters/carriers/easypost-carrier.js';
import type { ShipmentRequest } from '../../src/core/fulfillment/carrier.js';
import { easyPostStandIn } from './easypost-stand-in.js';

const request = (to: string): ShipmentRequest => ({
  shipmentId: 7,
  service: 'UPS-Ground',
  shipDate: '2026-03-02',
  origin: { postalCode: '43004', country: 'US' },
  destination: { postalCode: to, country: 'US' },
  cartons: [900, 4000].map((weightG, i) => ({
    sscc: `00614141000000001${i}`,
    weightG,
    lengthMm: 300,
    widthMm: 200,
    heightMm: 150,
  })),
});

/** Issue 18, item 8: a real multi-carrier HTTP adapter, configured by environment. */
describe('EasyPost carrier against a local stand-in', () => {
  const standIn = easyPostStandIn();
  const seen = standIn.seen;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    env = await standIn.start();
  });
  afterAll(() => standIn.close());

  it('is registered only when configured, beside the table-rate default', () => {
    expect(defaultCarriers({}).get('EASYPOST')).toBeUndefined();
    const registry = defaultCarriers(env);
    expect(registry.get('TABLE')).toBeDefined();
    expect(registry.get('EASYPOST')!.services.map((s) => [s.code, s.transitDays])).toEqual([
      ['UPS-Ground', 3],
      ['USPS-Priority', 2],
    ]);
  });

  it('rates per carton and books one label per carton, each with its tracking code', async () => {
    const carrier = new EasyPostCarrier(easyPostConfigFromEnv(env)!);
    expect(await carrier.rate(request('44101'))).toEqual({
      ok: true,
      value: { costMinor: 815 * 2, currency: 'USD', reference: 'shp_1 shp_2' },
    });
    const created = seen.at(-1)!.body.shipment as Record<string, Record<string, unknown>>;
    expect(created.parcel).toEqual({ weight: 141.1, length: 11.8, width: 7.9, height: 5.9 });
    expect(created.to_address).toEqual({ zip: '44101', country: 'US' });
    seen.length = 0;
    const booked = await carrier.ship(request('44101'));
    expect(booked).toEqual({ ok: true, value: { trackingNumbers: ['1Z0003', '1Z0004'] } });
    expect(seen.map((s) => s.path)).toEqual([
      '/v2/shipments',
      '/v2/shipments',
      '/v2/shipments/shp_3/buy',
      '/v2/shipments/shp_4/buy',
    ]);
    expect(seen[2]!.body).toEqual({ rate: { id: 'rate_3a' } });
  });

  it('books with the reference from rating, and a retried booking reuses the labels bought', async () => {
    const carrier = new EasyPostCarrier(easyPostConfigFromEnv(env)!);
    const rated = await carrier.rate(request('44102'));
    const reference = rated.ok ? rated.value.reference : undefined;
    expect(reference).toMatch(/^shp_\d+ shp_\d+$/);
    const [a, b] = reference!.split(' ');
    seen.length = 0;
    const first = await carrier.ship({ ...request('44102'), reference });
    expect(seen.map((s) => s.path)).toEqual([
      `/v2/shipments/${a}`,
      `/v2/shipments/${b}`,
      `/v2/shipments/${a}/buy`,
      `/v2/shipments/${b}/buy`,
    ]);
    seen.length = 0;
    // The confirmation was lost: booking again reads the labels back and buys nothing.
    const again = await carrier.ship({ ...request('44102'), reference });
    expect(again).toEqual(first);
    expect(first.ok && first.value.trackingNumbers).toHaveLength(2);
    expect(seen.filter((s) => s.path.endsWith('/buy'))).toEqual([]);
  });

  it('answers failures as values: no rate, refused key, unreachable', async () => {
    const carrier = new EasyPostCarrier(easyPostConfigFromEnv(env)!);
    expect(await carrier.rate(request('99999'))).toMatchObject({
      ok: false,
      error: { code: 'CARRIER.NO_RATE' },
    });
    const wrongKey = new EasyPostCarrier(easyPostConfigFromEnv({ ...env, EASYPOST_API_KEY: 'x' })!);
    expect(await wrongKey.rate(request('44101'))).toMatchObject({
      ok: false,
      error: { code: 'CARRIER.REFUSED', details: { status: 401, easyPostCode: 'APIKEY.INVALID' } },
    });
    const down = new EasyPostCarrier(
      easyPostConfigFromEnv({ ...env, EASYPOST_BASE_URL: 'http://127.0.0.1:9/v2' })!,
    );
    expect(await down.rate(request('44101'))).toMatchObject({
      ok: false,
      error: { code: 'CARRIER.UNAVAILABLE' },
    });
  });
});

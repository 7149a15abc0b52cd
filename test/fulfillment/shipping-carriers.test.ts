import { describe, expect, it } from 'vitest';
import { defaultCarriers } from '../../src/adapters/carriers/carrier-registry.js';
import { CustomerPickupCarrier } from '../../src/adapters/carriers/customer-pickup-carrier.js';
import {
  TableRateCarrier,
  trackingNumber,
} from '../../src/adapters/carriers/table-rate-carrier.js';
import { zoneOf } from '../../src/adapters/carriers/table-rates.js';
import type { ShipmentRequest } from '../../src/core/fulfillment/carrier.js';
import { gtinCheckDigit } from '../../src/core/catalog/gtin.js';

const carton = (weightG: number) => ({
  sscc: '006141410000000012',
  weightG,
  lengthMm: null,
  widthMm: null,
  heightMm: null,
});

const request = (service: string, to: string, weights: number[]): ShipmentRequest => ({
  service,
  shipDate: '2026-03-02',
  origin: { postalCode: '43004', country: 'US' },
  destination: { postalCode: to, country: 'US' },
  cartons: weights.map(carton),
});

describe('table-rate carrier', () => {
  const carrier = new TableRateCarrier();

  it('zones by the distance between the first digits of the postal codes', () => {
    const from = { postalCode: '43004', country: 'US' };
    expect(zoneOf(from, { postalCode: '44101', country: 'US' })).toBe(1);
    expect(zoneOf(from, { postalCode: '60601', country: 'US' })).toBe(2);
    expect(zoneOf(from, { postalCode: '90210', country: 'US' })).toBe(3);
    expect(
      zoneOf({ postalCode: '02110', country: 'US' }, { postalCode: '98101', country: 'US' }),
    ).toBe(5);
    expect(zoneOf(from, { postalCode: 'M5V 2T6', country: 'CA' })).toBeUndefined();
  });

  it('rates parcels per carton by weight band and zone, express with its surcharge', async () => {
    expect(await carrier.rate(request('ground', '44101', [900, 4000]))).toEqual({
      ok: true,
      value: { costMinor: 695 + 895, currency: 'USD' },
    });
    expect(await carrier.rate(request('ground', '90210', [20_001]))).toMatchObject({
      value: { costMinor: 2995 },
    });
    expect(await carrier.rate(request('express', '44101', [900]))).toMatchObject({
      value: { costMinor: Math.round(695 * 1.8) },
    });
    expect(await carrier.rate(request('ground', '44101', [31_501]))).toMatchObject({
      ok: false,
      error: { code: 'CARRIER.OVERWEIGHT' },
    });
  });

  it('rates LTL per started 100 kg of the shipment, with a minimum', async () => {
    expect((await carrier.rate(request('ltl', '44101', [20_000]))).ok && true).toBe(true);
    expect(await carrier.rate(request('ltl', '44101', [20_000]))).toMatchObject({
      value: { costMinor: 9500 },
    });
    // 650 kg in zone 2 → 7 × 16.50.
    expect(await carrier.rate(request('ltl', '60601', [400_000, 250_000]))).toMatchObject({
      value: { costMinor: 7 * 1650 },
    });
  });

  it('refuses what it cannot carry: unknown service, no zone', async () => {
    expect(await carrier.rate(request('teleport', '44101', [1]))).toMatchObject({
      error: { code: 'CARRIER.UNKNOWN_SERVICE' },
    });
    expect(await carrier.rate({ ...request('ground', 'X1', [1]) })).toMatchObject({
      error: { code: 'CARRIER.NO_ZONE' },
    });
  });

  it('books one tracking number per parcel and one PRO number per freight shipment, with check digits', async () => {
    const parcels = await carrier.ship({ ...request('ground', '44101', [1, 2]), shipmentId: 42 });
    expect(parcels).toEqual({
      ok: true,
      value: { trackingNumbers: [trackingNumber('TR', 42, 1), trackingNumber('TR', 42, 2)] },
    });
    const number = trackingNumber('TR', 42, 1);
    expect(number).toMatch(/^TR00000004201\d$/);
    expect(Number(number.slice(-1))).toBe(gtinCheckDigit(number.slice(2, -1)));
    const freight = await carrier.ship({ ...request('ltl', '44101', [1, 2]), shipmentId: 42 });
    expect(freight).toMatchObject({ value: { trackingNumbers: [trackingNumber('PRO', 42, 0)] } });
  });
});

describe('customer pickup and the registry', () => {
  it('costs nothing and tracks nothing', async () => {
    const pickup = new CustomerPickupCarrier();
    expect(await pickup.rate(request('will_call', 'anything', [50_000]))).toEqual({
      ok: true,
      value: { costMinor: 0, currency: 'USD' },
    });
    expect(await pickup.ship(request('will_call', 'anything', [1]))).toEqual({
      ok: true,
      value: { trackingNumbers: [] },
    });
  });

  it('finds the built-in carriers by code', () => {
    const registry = defaultCarriers();
    expect(registry.list().map((c) => c.code)).toEqual(['TABLE', 'PICKUP']);
    expect(registry.get('TABLE')?.services.map((s) => s.code)).toEqual([
      'ground',
      'express',
      'ltl',
    ]);
    expect(registry.get('UPS')).toBeUndefined();
  });
});

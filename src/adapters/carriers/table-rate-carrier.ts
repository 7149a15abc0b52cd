import { gtinCheckDigit } from '../../core/catalog/gtin.js';
import {
  serviceOf,
  type Booking,
  type Carrier,
  type CarrierService,
  type Rate,
  type ShipmentRequest,
} from '../../core/fulfillment/carrier.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { DEFAULT_RATE_TABLE, bandFor, zoneOf, type RateTable } from './table-rates.js';

/** Parcel ground, parcel express (ground price plus a surcharge) and LTL freight. */
export const TABLE_RATE_SERVICES: readonly (CarrierService & { surchargePercent: number })[] = [
  { code: 'ground', name: 'Parcel ground', mode: 'parcel', transitDays: 3, surchargePercent: 0 },
  { code: 'express', name: 'Parcel express', mode: 'parcel', transitDays: 1, surchargePercent: 80 },
  { code: 'ltl', name: 'LTL freight', mode: 'ltl', transitDays: 5, surchargePercent: 0 },
];

/**
 * A tracking number this carrier can read back: a prefix, the shipment id (9 digits), the
 * carton's position (2 digits, 00 for freight) and a GS1 mod-10 check digit, so a mistyped
 * number is caught at the counter. Unique per installation because shipment ids are.
 */
export function trackingNumber(prefix: string, shipmentId: number, carton: number): string {
  const body = `${String(shipmentId).padStart(9, '0')}${String(carton).padStart(2, '0')}`;
  return `${prefix}${body}${gtinCheckDigit(body)}`;
}

/**
 * The built-in table-rate carrier: prices from a `RateTable` by zone and weight band — per
 * carton for parcels, per started 100 kg of the shipment (with a minimum) for LTL.
 */
export class TableRateCarrier implements Carrier {
  readonly services = TABLE_RATE_SERVICES;

  constructor(
    readonly code = 'TABLE',
    readonly name = 'Table-rate carrier',
    private readonly table: RateTable = DEFAULT_RATE_TABLE,
  ) {}

  async rate(shipment: ShipmentRequest): Promise<Result<Rate>> {
    const service = serviceOf(this, shipment.service);
    if (!service.ok) return service;
    const zone = zoneOf(shipment.origin, shipment.destination);
    if (zone === undefined) {
      return fail(
        'CARRIER.NO_ZONE',
        `${this.name} does not serve ${shipment.destination.postalCode}`,
        {
          destination: shipment.destination,
        },
      );
    }
    if (shipment.cartons.length === 0) return fail('CARRIER.NO_CARTONS', 'Nothing to ship');
    const base =
      service.value.mode === 'ltl' ? this.ltlCost(shipment, zone) : this.parcelCost(shipment, zone);
    if (!base.ok) return base;
    const surcharge = TABLE_RATE_SERVICES.find(
      (s) => s.code === service.value.code,
    )!.surchargePercent;
    const costMinor = Math.round((base.value * (100 + surcharge)) / 100);
    return ok({ costMinor, currency: this.table.currency });
  }

  async ship(shipment: ShipmentRequest): Promise<Result<Booking>> {
    const service = serviceOf(this, shipment.service);
    if (!service.ok) return service;
    if (shipment.shipmentId === undefined) {
      return fail(
        'CARRIER.SHIPMENT_REQUIRED',
        'Book a stored shipment (its id names the tracking)',
      );
    }
    const id = shipment.shipmentId;
    const trackingNumbers =
      service.value.mode === 'ltl'
        ? [trackingNumber('PRO', id, 0)]
        : shipment.cartons.map((_, i) => trackingNumber('TR', id, i + 1));
    return ok({ trackingNumbers });
  }

  private parcelCost(shipment: ShipmentRequest, zone: number): Result<number> {
    let total = 0;
    for (const carton of shipment.cartons) {
      const band = bandFor(this.table.parcel, carton.weightG);
      if (!band) {
        return fail(
          'CARRIER.OVERWEIGHT',
          `Carton ${carton.sscc} is too heavy for a parcel; ship LTL`,
          {
            sscc: carton.sscc,
            weightG: carton.weightG,
          },
        );
      }
      total += band.byZone[zone - 1]!;
    }
    return ok(total);
  }

  private ltlCost(shipment: ShipmentRequest, zone: number): Result<number> {
    const weightG = shipment.cartons.reduce((n, c) => n + c.weightG, 0);
    const band = bandFor(this.table.ltlPer100Kg, weightG);
    if (!band) {
      return fail('CARRIER.OVERWEIGHT', 'Too heavy for LTL; book a full truckload', { weightG });
    }
    const hundreds = Math.max(1, Math.ceil(weightG / 100_000));
    return ok(Math.max(hundreds * band.byZone[zone - 1]!, this.table.ltlMinimumByZone[zone - 1]!));
  }
}

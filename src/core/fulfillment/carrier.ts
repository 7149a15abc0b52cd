import { addDays } from '../shared/calendar-days.js';
import { fail, ok, type Result } from '../shared/result.js';

/**
 * Carriers behind one small interface (a strategy per carrier): rate a shipment, then book
 * it and get tracking numbers. A real carrier calls an outside API; the built-in ones
 * (src/adapters/carriers/) compute everything locally.
 */

/** How goods travel: parcels (per carton) or less-than-truckload freight (per shipment). */
export type ServiceMode = 'parcel' | 'ltl' | 'pickup';

export interface CarrierService {
  code: string;
  name: string;
  mode: ServiceMode;
  /** Working days from ship date to delivery; the promised date is built from it. */
  transitDays: number;
}

/** One carton as a carrier sees it. */
export interface ShipmentCarton {
  sscc: string;
  weightG: number;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

/** What a carrier needs to rate and book a shipment. */
export interface ShipmentRequest {
  /** Set once the shipment row exists (booking); absent when only rating. */
  shipmentId?: number;
  /**
   * The carrier's own handle from rating (its shipment ids), recorded on the shipment before
   * booking: a booking retried with it reuses a label already bought instead of buying again.
   */
  reference?: string | undefined;
  service: string;
  /** Ship date, YYYY-MM-DD. */
  shipDate: string;
  origin: { postalCode: string; country: string };
  destination: { postalCode: string; country: string };
  cartons: readonly ShipmentCarton[];
}

export interface Rate {
  costMinor: number;
  currency: string;
  /** Set by carriers that keep state between rating and booking (see ShipmentRequest.reference). */
  reference?: string;
}

export interface Booking {
  trackingNumbers: string[];
}

export interface Carrier {
  readonly code: string;
  readonly name: string;
  readonly services: readonly CarrierService[];
  /** The price of the shipment; `CARRIER.*` failures for an unknown service, no zone, too heavy. */
  rate(shipment: ShipmentRequest): Promise<Result<Rate>>;
  /**
   * Books the shipment: one tracking number per parcel, one PRO number for freight, none for
   * pickup. Called outside any database transaction; booking the same shipment again (same
   * shipmentId, same reference) answers the same numbers rather than buying new labels.
   */
  ship(shipment: ShipmentRequest): Promise<Result<Booking>>;
}

/** Carriers by code: the ones this installation ships with. */
export interface CarrierRegistry {
  get(code: string): Carrier | undefined;
  list(): readonly Carrier[];
}

export function carrierRegistry(carriers: readonly Carrier[]): CarrierRegistry {
  const byCode = new Map(carriers.map((c) => [c.code, c]));
  return { get: (code) => byCode.get(code), list: () => [...byCode.values()] };
}

/** The carrier's service by code, or `CARRIER.UNKNOWN_SERVICE`. */
export function serviceOf(carrier: Carrier, code: string): Result<CarrierService> {
  const service = carrier.services.find((s) => s.code === code);
  return service
    ? ok(service)
    : fail('CARRIER.UNKNOWN_SERVICE', `${carrier.name} has no service "${code}"`, {
        carrierCode: carrier.code,
        services: carrier.services.map((s) => s.code),
      });
}

/** Adds days to a YYYY-MM-DD date (calendar days, UTC). */
export { addDays };

/**
 * Adds working days (Monday–Friday) to a YYYY-MM-DD date: carriers count transit in working
 * days, so a Friday ground shipment of 2 days arrives Tuesday.
 */
export function addWorkingDays(date: string, days: number): string {
  let at = date;
  let left = days;
  while (left > 0) {
    at = addDays(at, 1);
    const weekday = new Date(`${at}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}

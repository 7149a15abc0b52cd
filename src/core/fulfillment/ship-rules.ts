import { businessDay } from '../shared/business-day.js';
import { transition, type TransitionTable } from '../shared/fsm.js';
import { fail, ok, type Result } from '../shared/result.js';
import { addWorkingDays } from './carrier.js';

/** An order line's quantities as shipping needs them, in base units. */
export interface LineToShip {
  orderLineId: number;
  ordered: number;
  cancelled: number;
  shipped: number;
}

/** What leaves with this shipment, per order line (base units). */
export type ShippedNow = ReadonlyMap<number, number>;

/** Units ordered and not cancelled that are not shipped yet and not in these cartons. */
export function unshippedAfter(lines: readonly LineToShip[], now: ShippedNow): number {
  return lines.reduce(
    (n, l) => n + Math.max(0, l.ordered - l.cancelled - l.shipped - (now.get(l.orderLineId) ?? 0)),
    0,
  );
}

/**
 * A ship-complete customer takes an order in one shipment or not at all: refused with
 * `SHIP.INCOMPLETE` while anything ordered (and not cancelled) would stay behind.
 */
export function checkShipComplete(
  shipComplete: boolean,
  lines: readonly LineToShip[],
  now: ShippedNow,
): Result<true> {
  const left = unshippedAfter(lines, now);
  if (shipComplete && left > 0) {
    return fail(
      'SHIP.INCOMPLETE',
      `The customer takes complete orders only; ${left} units would stay behind`,
      {
        unitsLeft: left,
      },
    );
  }
  return ok(true);
}

/** The order's state once this shipment has left: everything out, or only part of it. */
export function statusAfterShipping(
  lines: readonly LineToShip[],
  now: ShippedNow,
): 'shipped' | 'partially_shipped' {
  return unshippedAfter(lines, now) === 0 ? 'shipped' : 'partially_shipped';
}

/**
 * The date the customer was promised: its requested ship date (or the day it actually left,
 * when it asked for none) plus the service's transit in working days.
 */
export function promisedDate(
  requestedShipDate: string | null,
  shipDate: string,
  transitDays: number,
): string {
  return addWorkingDays(requestedShipDate ?? shipDate, transitDays);
}

/**
 * On time: delivered on or before the promised date, a business day of the shipping warehouse
 * (`timeZone`), so the delivery instant is read as a day there too. Null when nothing was promised.
 */
export function isOnTime(
  deliveredAtIso: string,
  promised: string | null,
  timeZone: string,
): boolean | null {
  return promised === null ? null : businessDay(deliveredAtIso, timeZone) <= promised;
}

export const SHIPMENT_STATUSES = ['booking', 'booking_failed', 'shipped', 'delivered'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/**
 * A shipment is reserved (`booking`) when the goods leave, booked with the carrier outside
 * the transaction, then `shipped` with its labels or `booking_failed` (retry goes back to
 * `booking`; a label bought after all — a late answer — still confirms it). It is delivered
 * once; a second proof of delivery is refused, not overwritten.
 */
export const SHIPMENT_TRANSITIONS: TransitionTable<ShipmentStatus> = {
  booking: ['shipped', 'booking_failed'],
  booking_failed: ['booking', 'shipped'],
  shipped: ['delivered'],
  delivered: [],
};

export function moveShipment(from: ShipmentStatus, to: ShipmentStatus): Result<ShipmentStatus> {
  return transition('SHIPMENT', SHIPMENT_TRANSITIONS, from, to);
}

import {
  serviceOf,
  type Booking,
  type Carrier,
  type Rate,
  type ShipmentRequest,
} from '../../core/fulfillment/carrier.js';
import { ok, type Result } from '../../core/shared/result.js';

/**
 * Will-call: the pet shop's own van collects at the dock. Nothing to pay, nothing to track;
 * the goods are the customer's once they leave the dock (transit 0 days).
 */
export class CustomerPickupCarrier implements Carrier {
  readonly code = 'PICKUP';
  readonly name = 'Customer pickup';
  readonly services = [
    { code: 'will_call', name: 'Collected at the dock', mode: 'pickup', transitDays: 0 },
  ] as const;

  constructor(private readonly currency = 'USD') {}

  async rate(shipment: ShipmentRequest): Promise<Result<Rate>> {
    const service = serviceOf(this, shipment.service);
    return service.ok ? ok({ costMinor: 0, currency: this.currency }) : service;
  }

  async ship(shipment: ShipmentRequest): Promise<Result<Booking>> {
    const service = serviceOf(this, shipment.service);
    return service.ok ? ok({ trackingNumbers: [] }) : service;
  }
}

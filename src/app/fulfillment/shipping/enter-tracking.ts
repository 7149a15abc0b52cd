import type { Tx } from '../../../adapters/db/database.js';
import { readCarrierLabel } from '../../../core/fulfillment/carrier-label-scan.js';
import { FailureError, must } from '../../../core/shared/result.js';

/** A parcel number for one carton: keyed as printed, or the carrier label scanned. */
export interface TrackingInput {
  trackingNumber?: string | undefined;
  scan?: string | undefined;
  /** Who carries it (UPS, FEDEX, an LTL line…); taken from the barcode when it says. */
  carrier?: string | undefined;
  /** Replace a number the carton already has (a relabelled parcel). */
  replace?: boolean | undefined;
}

export interface CartonTracking {
  cartonId: number;
  shipmentId: number | null;
  trackingNumber: string;
  carrier: string | null;
}

/**
 * Records the real tracking number of a carton shipped on the distributor's own carrier
 * account (UPS, FedEx, LTL): closed or shipped cartons only, one number per carton (replace
 * says so explicitly), and a number already on another carton is refused.
 */
export async function enterCartonTracking(
  trx: Tx,
  cartonId: number,
  input: TrackingInput,
): Promise<CartonTracking> {
  if ((input.trackingNumber === undefined) === (input.scan === undefined))
    throw new FailureError({
      code: 'SHIP.TRACKING_INPUT',
      message: 'Send either trackingNumber (keyed) or scan (the carrier label barcode)',
    });
  const read = must(readCarrierLabel(input.trackingNumber ?? input.scan!));
  const carton = await trx
    .selectFrom('cartons as c')
    .leftJoin('shipments as s', 's.id', 'c.shipment_id')
    .select(['c.id', 'c.status', 'c.shipment_id', 'c.tracking_number', 's.carrier_code'])
    .where('c.id', '=', cartonId)
    .executeTakeFirst();
  if (!carton)
    throw new FailureError({ code: 'PACK.CARTON_NOT_FOUND', message: `No carton ${cartonId}` });
  if (carton.status === 'open')
    throw new FailureError({
      code: 'SHIP.CARTON_OPEN',
      message: `Carton ${cartonId} is still open; close it before it gets a parcel number`,
    });
  if (carton.tracking_number && carton.tracking_number !== read.trackingNumber && !input.replace)
    throw new FailureError({
      code: 'SHIP.TRACKING_ALREADY_EXISTS',
      message: `Carton ${cartonId} already has tracking ${carton.tracking_number}; send replace: true to change it`,
    });
  const other = await trx
    .selectFrom('cartons')
    .select('id')
    .where('tracking_number', '=', read.trackingNumber)
    .where('id', '!=', cartonId)
    .executeTakeFirst();
  if (other)
    throw new FailureError({
      code: 'SHIP.TRACKING_DUPLICATE',
      message: `Tracking ${read.trackingNumber} is already on carton ${other.id}`,
    });
  const carrier = input.carrier?.toUpperCase() ?? read.carrier ?? carton.carrier_code ?? null;
  await trx
    .updateTable('cartons')
    .set({ tracking_number: read.trackingNumber, tracking_carrier: carrier })
    .where('id', '=', cartonId)
    .execute();
  return {
    cartonId,
    shipmentId: carton.shipment_id,
    trackingNumber: read.trackingNumber,
    carrier,
  };
}

import type { Tx } from '../../../adapters/db/database.js';
import type { CarrierRegistry } from '../../../core/fulfillment/carrier.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockOrder } from '../../orders/lock-order.js';
import { packLockedOrder, type PackOrderInput } from '../packing/pack-order.js';
import { cartonsToShip } from './ship-cartons.js';
import { shipLockedCartons, type ShipInput, type ShipOutcome } from './ship-order.js';

export interface PackAndShipInput
  extends PackOrderInput, Pick<ShipInput, 'carrierCode' | 'service'> {}

/** What pack-and-ship did: the carton it packed and the shipment it reserved. */
export interface PackedAndShipped extends ShipOutcome {
  packedCartonId: number;
  sscc: string;
  weightG: number;
}

/**
 * The pack-and-ship station's one command for an order: everything picked for it in the
 * warehouse goes into one new carton (as `packOrder`), and that carton — with any other closed
 * carton of the order waiting there — ships (as `shipOrder`: goods to CUSTOMER, lines counted,
 * invoice, shipment reserved for booking after the commit). One transaction, the order locked
 * once, its status written once (picked → shipped or partially shipped) and its timeline —
 * carton opened and closed, packed, shipped — in one insert. Every refusal of either half
 * (`PACK.*`, `SHIP.*`, a ship-complete account's `SHIP.INCOMPLETE`) rolls the whole back.
 */
export async function packAndShipOrder(
  trx: Tx,
  orderId: number,
  input: PackAndShipInput,
  carriers: CarrierRegistry,
  actor: Actor,
  now: Date,
): Promise<PackedAndShipped> {
  const order = await lockOrder(trx, orderId, actor);
  const packed = await packLockedOrder(trx, order, input, actor, now.toISOString());
  const cartons = packed.moreClosedCartons
    ? await cartonsToShip(trx, orderId, undefined, packed.warehouseId)
    : [packed.carton];
  const shipped = await shipLockedCartons(
    trx,
    { ...order, status: packed.orderStatus },
    cartons,
    input,
    carriers,
    actor,
    now,
    packed.events,
  );
  return {
    ...shipped,
    packedCartonId: packed.cartonId,
    sscc: packed.sscc,
    weightG: packed.weightG,
  };
}

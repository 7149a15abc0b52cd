import type { Tx } from '../../../adapters/db/database.js';
import type { ShipmentCarton, ShipmentRequest } from '../../../core/fulfillment/carrier.js';
import { FailureError } from '../../../core/shared/result.js';
import type { ShippingMasterData } from '../../master-data/shipping-master-data.js';

/**
 * Where a shipment goes from and to, as a carrier rates it: the warehouse's address, and
 * the order's ship-to (the account's bill-to when the order names none); the addresses come
 * from the master-data cache.
 */
export async function shipmentRequest(
  trx: Tx,
  master: ShippingMasterData,
  order: {
    id: number;
    warehouse_id: number | null;
    ship_to_id: number | null;
    customer_id: number;
  },
  service: string,
  shipDate: string,
  cartons: readonly ShipmentCarton[],
): Promise<ShipmentRequest & { warehouseId: number }> {
  const warehouseId = shippingWarehouse(order.id, order.warehouse_id);
  const origin = await master.warehouseAddress(warehouseId);
  if (!origin) throw new Error(`Order ${order.id} names warehouse ${warehouseId}, gone`);
  const shipTo =
    order.ship_to_id === null ? undefined : await master.shipToAddress(order.ship_to_id);
  // The bill-to is not master data the cache watches: read it in the rare case it is needed.
  const destination =
    shipTo ??
    (await trx
      .selectFrom('customers')
      .select(['bill_to_postal_code as postalCode', 'bill_to_country as country'])
      .where('id', '=', order.customer_id)
      .executeTakeFirstOrThrow());
  return { warehouseId, service, shipDate, origin, destination, cartons };
}

/** The warehouse a shipment leaves from; `SHIP.NO_WAREHOUSE` for an order never allocated. */
export function shippingWarehouse(orderId: number, warehouseId: number | null): number {
  if (warehouseId === null) {
    throw new FailureError({
      code: 'SHIP.NO_WAREHOUSE',
      message: `Order ${orderId} was never allocated to a warehouse`,
    });
  }
  return warehouseId;
}

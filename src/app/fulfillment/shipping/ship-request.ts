import type { Tx } from '../../../adapters/db/database.js';
import type { ShipmentCarton, ShipmentRequest } from '../../../core/fulfillment/carrier.js';
import { FailureError } from '../../../core/shared/result.js';

/**
 * Where a shipment goes from and to, as a carrier rates it: the warehouse's address, and
 * the order's ship-to (the account's bill-to when the order names none).
 */
export async function shipmentRequest(
  trx: Tx,
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
  const warehouse = await trx
    .selectFrom('warehouses')
    .select(['postal_code', 'country'])
    .where('id', '=', warehouseId)
    .executeTakeFirstOrThrow();
  const shipTo =
    order.ship_to_id === null
      ? undefined
      : await trx
          .selectFrom('customer_ship_tos')
          .select(['postal_code', 'country'])
          .where('id', '=', order.ship_to_id)
          .executeTakeFirst();
  const destination =
    shipTo ??
    (await trx
      .selectFrom('customers')
      .select(['bill_to_postal_code as postal_code', 'bill_to_country as country'])
      .where('id', '=', order.customer_id)
      .executeTakeFirstOrThrow());
  return {
    warehouseId,
    service,
    shipDate,
    origin: { postalCode: warehouse.postal_code, country: warehouse.country },
    destination: { postalCode: destination.postal_code, country: destination.country },
    cartons,
  };
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

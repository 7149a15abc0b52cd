import type { Tx } from '../../../adapters/db/database.js';
import type { ShipmentCarton } from '../../../core/fulfillment/carrier.js';
import { FailureError } from '../../../core/shared/result.js';
import { postMovement } from '../../inventory/ledger.js';
import { standardPlace } from '../../inventory/stock-facts.js';

export interface CartonToShip {
  id: number;
  /** Where it was packed (null only on cartons older than the column: the order's). */
  warehouseId: number | null;
  sscc: string;
  weightG: number;
  carrierView: ShipmentCarton;
  contents: { orderLineId: number; skuId: number; lotId: number; quantity: number }[];
}

/**
 * The closed cartons that leave: the ones named (each must be this order's, closed and not
 * shipped yet), or every closed and unshipped carton of the order (of `warehouseId`, if given).
 */
export async function cartonsToShip(
  trx: Tx,
  orderId: number,
  cartonIds: readonly number[] | undefined,
  warehouseId?: number,
): Promise<CartonToShip[]> {
  let query = trx
    .selectFrom('cartons')
    .leftJoin('carton_types as t', 't.id', 'cartons.carton_type_id')
    .select(['cartons.id', 'cartons.sscc', 'cartons.status', 'cartons.weight_g'])
    .select('cartons.warehouse_id')
    .select(['t.length_mm', 't.width_mm', 't.height_mm'])
    .where('cartons.order_id', '=', orderId);
  query = cartonIds
    ? query.where('cartons.id', 'in', cartonIds)
    : query.where('cartons.status', '=', 'closed');
  if (warehouseId !== undefined) query = query.where('cartons.warehouse_id', '=', warehouseId);
  const rows = await query.orderBy('cartons.id').execute();
  if (cartonIds) {
    const found = new Set(rows.map((r) => r.id));
    const missing = cartonIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new FailureError({
        code: 'SHIP.CARTON_NOT_FOUND',
        message: `Order ${orderId} has no carton ${missing.join(', ')}`,
        details: { cartonIds: missing },
      });
    }
    const notClosed = rows.filter((r) => r.status !== 'closed');
    if (notClosed.length > 0) {
      throw new FailureError({
        code: 'SHIP.CARTON_NOT_CLOSED',
        message:
          'Only closed cartons can ship (open ones are still being packed, shipped ones have left)',
        details: { cartons: notClosed.map((r) => ({ id: r.id, status: r.status })) },
      });
    }
  }
  if (rows.length === 0) {
    throw new FailureError({
      code: 'SHIP.NO_CARTONS',
      message: 'No closed carton of this order is waiting to ship',
    });
  }
  const contents = await trx
    .selectFrom('carton_contents')
    .select(['carton_id', 'order_line_id', 'sku_id', 'lot_id', 'quantity'])
    .where(
      'carton_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    warehouseId: r.warehouse_id,
    sscc: r.sscc,
    weightG: r.weight_g,
    carrierView: {
      sscc: r.sscc,
      weightG: r.weight_g,
      lengthMm: r.length_mm,
      widthMm: r.width_mm,
      heightMm: r.height_mm,
    },
    contents: contents
      .filter((c) => c.carton_id === r.id)
      .map((c) => ({
        orderLineId: c.order_line_id,
        skuId: c.sku_id,
        lotId: c.lot_id,
        quantity: Number(c.quantity),
      })),
  }));
}

/**
 * The one warehouse the cartons ship from: a shipment leaves one building, so cartons packed
 * in two warehouses (a split order) are refused together (`SHIP.SEVERAL_WAREHOUSES`).
 */
export function shipFrom(cartons: readonly CartonToShip[], orderWarehouseId: number | null) {
  const warehouses = [...new Set(cartons.map((c) => c.warehouseId ?? orderWarehouseId))];
  if (warehouses.length > 1) {
    throw new FailureError({
      code: 'SHIP.SEVERAL_WAREHOUSES',
      message: "These cartons were packed in different warehouses: ship each warehouse's apart",
      details: { warehouseIds: warehouses },
    });
  }
  return warehouses[0] ?? null;
}

/** Base units leaving per order line. */
export function shippedPerLine(cartons: readonly CartonToShip[]): Map<number, number> {
  const perLine = new Map<number, number>();
  for (const c of cartons) {
    for (const x of c.contents)
      perLine.set(x.orderLineId, (perLine.get(x.orderLineId) ?? 0) + x.quantity);
  }
  return perLine;
}

/**
 * The goods leave the building: per carton content (SKU, lot) a `ship` movement from the
 * warehouse's STAGING to its CUSTOMER mirror, then the cartons are marked shipped on the
 * shipment. STAGING cannot go negative, so stock that never reached staging cannot ship.
 */
export async function dispatchCartons(
  trx: Tx,
  warehouseId: number,
  shipmentId: number,
  cartons: readonly CartonToShip[],
  actor: string,
  nowIso: string,
): Promise<void> {
  const staging = await standardPlace(trx, warehouseId, 'staging');
  const customer = await standardPlace(trx, warehouseId, 'customer');
  for (const carton of cartons) {
    for (const content of carton.contents) {
      await postMovement(
        trx,
        {
          skuId: content.skuId,
          lotId: content.lotId,
          from: staging,
          to: customer,
          quantity: content.quantity,
          type: 'ship',
          reference: `shipment:${shipmentId}`,
          actor,
        },
        nowIso,
      );
    }
  }
  await trx
    .updateTable('cartons')
    .set({ status: 'shipped', shipment_id: shipmentId })
    .where(
      'id',
      'in',
      cartons.map((c) => c.id),
    )
    .execute();
}

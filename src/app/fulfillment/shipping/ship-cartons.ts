import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import type { ShipmentCarton } from '../../../core/fulfillment/carrier.js';
import { FailureError } from '../../../core/shared/result.js';
import { postMovements } from '../../inventory/ledger-batch.js';
import type { ShippingMasterData } from '../../master-data/shipping-master-data.js';

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
  // The cartons with their contents in one read (a row per content; an empty carton's alone).
  let query = trx
    .selectFrom('cartons')
    .leftJoin('carton_types as t', 't.id', 'cartons.carton_type_id')
    .leftJoin('carton_contents as c', 'c.carton_id', 'cartons.id')
    .select(['cartons.id', 'cartons.sscc', 'cartons.status', 'cartons.weight_g'])
    .select('cartons.warehouse_id')
    .select(['t.length_mm', 't.width_mm', 't.height_mm'])
    .select(['c.order_line_id', 'c.sku_id', 'c.lot_id', 'c.quantity'])
    .where('cartons.order_id', '=', orderId);
  query = cartonIds
    ? query.where('cartons.id', 'in', cartonIds)
    : query.where('cartons.status', '=', 'closed');
  if (warehouseId !== undefined) query = query.where('cartons.warehouse_id', '=', warehouseId);
  const joined = await query.orderBy('cartons.id').orderBy('c.id').execute();
  const rows = [...new Map(joined.map((r) => [r.id, r])).values()];
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
    contents: joined
      .filter((c) => c.id === r.id && c.order_line_id !== null)
      .map((c) => ({
        orderLineId: c.order_line_id!,
        skuId: c.sku_id!,
        lotId: c.lot_id!,
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
 * The movements are posted together (`postMovements`): a constant number of statements.
 */
const CARTONS_SHIPPED = fixedSql(
  'cartons.shipped',
  `update cartons set status = 'shipped', shipment_id = ?
   where id in (select value from json_each(?))`,
  `update cartons set status = 'shipped', shipment_id = $1
   where id in (select jsonb_array_elements_text($2::jsonb)::bigint)`,
);

export async function dispatchCartons(
  trx: Tx,
  master: ShippingMasterData,
  warehouseId: number,
  shipmentId: number,
  cartons: readonly CartonToShip[],
  actor: string,
  nowIso: string,
): Promise<void> {
  const staging = await master.standardPlace(warehouseId, 'staging');
  const customer = await master.standardPlace(warehouseId, 'customer');
  await postMovements(
    trx,
    cartons.flatMap((carton) =>
      carton.contents.map((content) => ({
        skuId: content.skuId,
        lotId: content.lotId,
        from: staging,
        to: customer,
        quantity: content.quantity,
        type: 'ship' as const,
        reference: `shipment:${shipmentId}`,
        actor,
      })),
    ),
    nowIso,
  );
  await runSql(trx, CARTONS_SHIPPED, [shipmentId, JSON.stringify(cartons.map((c) => c.id))]);
}

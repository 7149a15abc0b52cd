import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import type { PickedLot } from '../../../core/fulfillment/pack-verification.js';
import { FailureError } from '../../../core/shared/result.js';

/**
 * What was picked for the order, per line and lot, beside what is already in its cartons —
 * in one warehouse when `warehouseId` is given (a split order is packed in each), else in all.
 * Picked quantities come from the allocations' `picked` resolutions — the record of which
 * lot left which bin for this order — so packing checks against what really reached staging.
 */
export async function loadPickedLots(
  trx: Tx,
  orderId: number,
  warehouseId?: number | null,
): Promise<PickedLot[]> {
  const inWarehouse = warehouseId !== undefined && warehouseId !== null;
  let pickedQuery = trx
    .selectFrom('allocation_resolutions as r')
    .innerJoin('allocations as a', 'a.id', 'r.allocation_id')
    .innerJoin('order_lines as l', 'l.id', 'a.order_line_id')
    .select([
      'a.order_line_id',
      'l.line_number',
      'a.sku_id',
      'a.lot_id',
      sql<number>`cast(sum(r.quantity) as bigint)`.as('quantity'),
    ])
    .where('a.order_id', '=', orderId)
    .where('r.kind', '=', 'picked')
    .groupBy(['a.order_line_id', 'l.line_number', 'a.sku_id', 'a.lot_id']);
  if (inWarehouse) pickedQuery = pickedQuery.where('a.warehouse_id', '=', warehouseId);
  const picked = await pickedQuery.execute();
  let packedQuery = trx
    .selectFrom('carton_contents as c')
    .innerJoin('cartons', 'cartons.id', 'c.carton_id')
    .select([
      'c.order_line_id',
      'c.lot_id',
      sql<number>`cast(sum(c.quantity) as bigint)`.as('quantity'),
    ])
    .where('cartons.order_id', '=', orderId)
    .groupBy(['c.order_line_id', 'c.lot_id']);
  if (inWarehouse) packedQuery = packedQuery.where('cartons.warehouse_id', '=', warehouseId);
  const packed = await packedQuery.execute();
  const packedBy = new Map(
    packed.map((p) => [`${p.order_line_id}/${p.lot_id}`, Number(p.quantity)]),
  );
  return picked.map((p) => ({
    orderLineId: p.order_line_id,
    lineNumber: p.line_number,
    skuId: p.sku_id,
    lotId: p.lot_id,
    picked: Number(p.quantity),
    packed: packedBy.get(`${p.order_line_id}/${p.lot_id}`) ?? 0,
  }));
}

/** Order states in which cartons may be opened and filled: picking has begun and not all is out. */
export const PACKABLE_STATUSES: readonly string[] = [
  'released',
  'picked',
  'packed',
  'partially_shipped',
];

export function checkPackable(status: string): void {
  if (!PACKABLE_STATUSES.includes(status)) {
    throw new FailureError({
      code: 'PACK.ORDER_NOT_PACKABLE',
      message: `An order that is ${status} cannot be packed`,
      details: { status },
    });
  }
}

/** The carton, taken for this transaction together with its order (lockOrder runs first). */
export async function loadCarton(trx: Tx, cartonId: number) {
  const carton = await trx
    .selectFrom('cartons')
    .selectAll()
    .where('id', '=', cartonId)
    .executeTakeFirst();
  if (!carton) {
    throw new FailureError({ code: 'PACK.CARTON_NOT_FOUND', message: `No carton ${cartonId}` });
  }
  return carton;
}

/** True while a carton of the order is still open at the bench: the order is not packed yet. */
export async function hasOpenCarton(trx: Tx, orderId: number): Promise<boolean> {
  const open = await trx
    .selectFrom('cartons')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'open')
    .limit(1)
    .executeTakeFirst();
  return open !== undefined;
}

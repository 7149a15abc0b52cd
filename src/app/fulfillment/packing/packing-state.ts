import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import type { PickedLot } from '../../../core/fulfillment/pack-verification.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';

/**
 * What was picked for the order, per line and lot, beside what is already in its cartons —
 * in one warehouse when `warehouseId` is given (a split order is packed in each), else in all —
 * in one statement. Picked quantities come from the allocations' `picked` resolutions — the
 * record of which lot left which bin for this order — so packing checks against what really
 * reached staging.
 */
export async function loadPickedLots(
  trx: Tx,
  orderId: number,
  warehouseId?: number | null,
): Promise<PickedLot[]> {
  const inWarehouse = warehouseId !== undefined && warehouseId !== null;
  const packedHere = inWarehouse ? sql`and k.warehouse_id = ${warehouseId}` : sql``;
  let query = trx
    .selectFrom('allocation_resolutions as r')
    .innerJoin('allocations as a', 'a.id', 'r.allocation_id')
    .innerJoin('order_lines as l', 'l.id', 'a.order_line_id')
    .select([
      'a.order_line_id',
      'l.line_number',
      'a.sku_id',
      'a.lot_id',
      sql<number>`cast(sum(r.quantity) as bigint)`.as('quantity'),
      sql<number>`(select coalesce(sum(c.quantity), 0) from carton_contents c
        join cartons k on k.id = c.carton_id
        where k.order_id = ${orderId} ${packedHere}
          and c.order_line_id = a.order_line_id and c.lot_id = a.lot_id)`.as('packed'),
    ])
    .where('a.order_id', '=', orderId)
    .where('r.kind', '=', 'picked')
    .groupBy(['a.order_line_id', 'l.line_number', 'a.sku_id', 'a.lot_id']);
  if (inWarehouse) query = query.where('a.warehouse_id', '=', warehouseId);
  const picked = await query.execute();
  return picked.map((p) => ({
    orderLineId: p.order_line_id,
    lineNumber: p.line_number,
    skuId: p.sku_id,
    lotId: p.lot_id,
    picked: Number(p.quantity),
    packed: Number(p.packed),
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

/**
 * Takes the carton's order for this transaction, found through the carton in the same
 * statement (lockOrder's version bump), then reads the carton with its box's weight limit.
 * `PACK.CARTON_NOT_FOUND` when there is no such carton; a customer finds only its own.
 */
export async function lockCarton(trx: Tx, cartonId: number, actor: Pick<Actor, 'customerId'>) {
  const order = await trx
    .updateTable('orders')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', (eb) =>
      eb.selectFrom('cartons').select('cartons.order_id').where('cartons.id', '=', cartonId),
    )
    .returningAll()
    .executeTakeFirst();
  if (!order) {
    throw new FailureError({ code: 'PACK.CARTON_NOT_FOUND', message: `No carton ${cartonId}` });
  }
  if (actor.customerId !== null && order.customer_id !== actor.customerId) {
    throw new FailureError({ code: 'ORDER.NOT_FOUND', message: `No order ${order.id}` });
  }
  const carton = await trx
    .selectFrom('cartons')
    .leftJoin('carton_types as t', 't.id', 'cartons.carton_type_id')
    .selectAll('cartons')
    .select('t.max_weight_g')
    .where('cartons.id', '=', cartonId)
    .executeTakeFirstOrThrow();
  return { order, carton };
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

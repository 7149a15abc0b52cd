import type { Tx } from '../../../adapters/db/database.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockOrder } from '../../orders/lock-order.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';
import { warehouseNotFound } from '../../warehouses/warehouse-failures.js';
import { getCarton, type CartonView } from './carton-views.js';
import { checkPackable } from './packing-state.js';
import { nextSscc } from './sscc-serial.js';

export interface OpenCartonInput {
  /** The box used; without one the carton has no weight limit (a pallet, a customer's tote). */
  cartonTypeId?: number | undefined;
  /**
   * The warehouse packing it (default: the order's). An order split between warehouses is
   * packed in each, from what was picked there.
   */
  warehouseId?: number | undefined;
}

/**
 * Opens a carton for an order at the packing bench and gives it its SSCC, the number its
 * label carries and the customer's receiving dock scans. The carton starts at the empty
 * box's tare weight.
 */
export async function openCarton(
  trx: Tx,
  orderId: number,
  input: OpenCartonInput,
  actor: Actor,
  now: Date,
): Promise<CartonView> {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  checkPackable(order.status);
  if (input.warehouseId !== undefined) {
    const warehouse = await trx
      .selectFrom('warehouses')
      .select('id')
      .where('id', '=', input.warehouseId)
      .executeTakeFirst();
    if (!warehouse) throw warehouseNotFound(input.warehouseId);
  }
  let tareG = 0;
  if (input.cartonTypeId !== undefined) {
    const type = await trx
      .selectFrom('carton_types')
      .select('tare_weight_g')
      .where('id', '=', input.cartonTypeId)
      .executeTakeFirst();
    if (!type) {
      throw new FailureError({
        code: 'CARTON_TYPE.NOT_FOUND',
        message: `No carton type ${input.cartonTypeId}`,
      });
    }
    tareG = type.tare_weight_g;
  }
  const sscc = await nextSscc(trx);
  const row = await trx
    .insertInto('cartons')
    .values({
      order_id: orderId,
      warehouse_id: input.warehouseId ?? order.warehouse_id,
      carton_type_id: input.cartonTypeId ?? null,
      sscc,
      status: 'open',
      weight_g: tareG,
      shipment_id: null,
      created_by: actor.id,
      created_at: nowIso,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordOrderEvent(
    trx,
    orderId,
    'carton_opened',
    actor.id,
    { cartonId: row.id, sscc },
    nowIso,
  );
  return getCarton(trx, row.id);
}

import type { Tx } from '../../../adapters/db/database.js';
import { checkCartonWeight, verifyPack } from '../../../core/fulfillment/pack-verification.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { getCarton, type CartonView } from './carton-views.js';
import { resolvePackInput, type PackInput } from './pack-scan.js';
import { checkPackable, loadPickedLots, lockCarton } from './packing-state.js';

/** An open carton or `PACK.CARTON_NOT_OPEN`: a closed carton is sealed and labelled. */
export function checkOpen(carton: { id: number; status: string }): void {
  if (carton.status !== 'open') {
    throw new FailureError({
      code: 'PACK.CARTON_NOT_OPEN',
      message: `Carton ${carton.id} is ${carton.status}`,
      details: { cartonId: carton.id, status: carton.status },
    });
  }
}

/**
 * Puts a scanned or keyed item into an open carton, after pack verification against what
 * was picked for the order and the carton's weight limit. A refusal changes nothing. A scan
 * runs a small constant number of statements: the order locked through the carton, the
 * carton with its limit, the item, the picked and packed lots in one read, the contents, the
 * weight, and the carton view returned.
 */
export async function packItem(
  trx: Tx,
  cartonId: number,
  input: PackInput,
  actor: Actor,
  now: Date,
): Promise<CartonView> {
  const { order, carton } = await lockCarton(trx, cartonId, actor);
  const orderId = order.id;
  checkPackable(order.status);
  checkOpen(carton);
  const item = await resolvePackInput(trx, input, now.getUTCFullYear());
  const assignments = must(
    verifyPack(await loadPickedLots(trx, orderId, carton.warehouse_id), item),
  );
  const weightG = must(
    checkCartonWeight(carton.weight_g, item.weightG * item.quantity, {
      maxWeightG: carton.max_weight_g ?? null,
    }),
  );
  for (const a of assignments) await addContent(trx, cartonId, a);
  await trx.updateTable('cartons').set({ weight_g: weightG }).where('id', '=', cartonId).execute();
  return getCarton(trx, cartonId);
}

/** One content row per order line and lot in a carton: a second scan adds to it. */
async function addContent(
  trx: Tx,
  cartonId: number,
  a: { orderLineId: number; skuId: number; lotId: number; quantity: number },
) {
  const added = await trx
    .updateTable('carton_contents')
    .set((eb) => ({ quantity: eb('quantity', '+', a.quantity) }))
    .where('carton_id', '=', cartonId)
    .where('order_line_id', '=', a.orderLineId)
    .where('lot_id', '=', a.lotId)
    .executeTakeFirst();
  if (Number(added.numUpdatedRows) > 0) return;
  await trx
    .insertInto('carton_contents')
    .values({
      carton_id: cartonId,
      order_line_id: a.orderLineId,
      sku_id: a.skuId,
      lot_id: a.lotId,
      quantity: a.quantity,
    })
    .execute();
}

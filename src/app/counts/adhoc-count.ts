import type { Tx } from '../../adapters/db/database.js';
import { FailureError } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { placeFacts, skuFacts } from '../inventory/stock-facts.js';
import { insertCountTask, lockBinForCount, pendingCountAt } from './count-store.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';

export interface AdhocCountIn {
  locationId: number;
  /** Count only this SKU at the bin (all SKUs there when left out). */
  skuId?: number | undefined;
  dueDate?: string | undefined;
}

/**
 * A count asked for outside the plans (a bin that looks wrong, an audit). Real locations only;
 * refused as `COUNT.DUPLICATE` while another count of the bin is still pending.
 */
export async function createAdhocCount(trx: Tx, input: AdhocCountIn, actor: Actor, now: Date) {
  const nowIso = now.toISOString();
  const place = await placeFacts(trx, input.locationId);
  if (place.virtual) {
    throw new FailureError({
      code: 'COUNT.VIRTUAL_LOCATION',
      message: `Location ${place.code} is virtual: there is nothing on a shelf to count`,
      details: { locationId: place.id },
    });
  }
  if (input.skuId !== undefined) await skuFacts(trx, input.skuId);
  await lockBinForCount(trx, place.id);
  const pending = await pendingCountAt(trx, place.id);
  if (pending) {
    throw new FailureError({
      code: 'COUNT.DUPLICATE',
      message: `Location ${place.code} already has count task ${pending} pending`,
      details: { taskId: pending },
    });
  }
  const id = await insertCountTask(
    trx,
    {
      locationId: place.id,
      warehouseId: place.warehouseId,
      skuId: input.skuId ?? null,
      reason: 'adhoc',
      planId: null,
      recountOfId: null,
      dueDate: input.dueDate ?? (await businessToday(trx, place.warehouseId, new Date(nowIso))),
      reference: `adhoc:${actor.id}`,
    },
    nowIso,
  );
  return { id, status: 'open' as const, locationId: place.id };
}

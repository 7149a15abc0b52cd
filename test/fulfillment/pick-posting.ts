import type { Selectable } from 'kysely';
import type { Tx } from '../../src/adapters/db/database.js';
import type { AllocationTable } from '../../src/adapters/db/schema.js';
import { postMovement } from '../../src/app/inventory/ledger.js';
import { placeFacts, standardPlace } from '../../src/app/inventory/stock-facts.js';

/**
 * Picks what an allocation still holds, as docs/FULFILLMENT.md says picking does: bin →
 * STAGING consuming the reservation, the allocation resolved as picked, the line's picked
 * quantity up. Fixtures use it to reach "picked" without driving waves and scans.
 */
export async function postPick(
  trx: Tx,
  a: Selectable<AllocationTable>,
  reference: string,
  actor: string,
  nowIso: string,
): Promise<void> {
  const staging = await standardPlace(trx, a.warehouse_id, 'staging');
  const bin = await placeFacts(trx, a.location_id);
  await postMovement(
    trx,
    {
      skuId: a.sku_id,
      lotId: a.lot_id,
      from: bin,
      to: staging,
      quantity: a.remaining,
      type: 'pick',
      fromAllocated: a.remaining,
      reference,
      actor,
    },
    nowIso,
  );
  await trx.updateTable('allocations').set({ remaining: 0 }).where('id', '=', a.id).execute();
  await trx
    .insertInto('allocation_resolutions')
    .values({
      allocation_id: a.id,
      kind: 'picked',
      quantity: a.remaining,
      reference,
      created_at: nowIso,
    })
    .execute();
  await trx
    .updateTable('order_lines')
    .set((eb) => ({ quantity_picked: eb('quantity_picked', '+', a.remaining), updated_at: nowIso }))
    .where('id', '=', a.order_line_id)
    .execute();
}

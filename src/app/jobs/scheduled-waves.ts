import { run } from '../../adapters/db/database.js';
import type { PickMode } from '../../core/fulfillment/wave-policy.js';
import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import { planWave } from '../fulfillment/waves/plan-wave.js';

/** The identity scheduled work acts under on timelines and in the ledger. */
const SCHEDULER: Actor = { id: 'system:waves', role: 'manager', customerId: null, apiKeyId: 0 };

/**
 * Releases waiting orders into waves on a schedule, one wave per warehouse per tick. Safe
 * with several server processes: planWave locks the orders it takes (in id order) and skips
 * any already in an active wave, so a second process plans nothing twice.
 */
export async function planScheduledWaves(ctx: AppContext, pickMode: PickMode): Promise<number[]> {
  const warehouses = await ctx.database.db
    .selectFrom('warehouses')
    .select('id')
    .orderBy('id')
    .execute();
  const planned: number[] = [];
  for (const { id } of warehouses) {
    const result = await run(ctx.database, (trx) =>
      planWave(trx, { warehouseId: id, pickMode }, SCHEDULER, ctx.now()),
    );
    if (result.ok) planned.push(result.value.id);
    else if (result.error.code !== 'WAVE.NO_ORDERS')
      throw new Error(`${result.error.code}: ${result.error.message}`);
  }
  return planned;
}

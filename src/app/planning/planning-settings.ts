import type { Tx } from '../../adapters/db/database.js';

/** Settings keys the planning run reads and writes (table `settings`, text values). */
export const SETTING = {
  /** Cost of placing one purchase order (S in the EOQ), minor units. */
  orderCostMinor: 'planning_order_cost_minor',
  /** Yearly holding cost as a share of unit cost (i in H = i·C). */
  holdingRate: 'planning_holding_rate',
  /** The last day the demand history was rebuilt on: the next rebuild starts there. */
  demandWatermark: 'planning_demand_rebuilt_on',
} as const;

export const DEFAULT_ORDER_COST_MINOR = 5000;
export const DEFAULT_HOLDING_RATE = 0.25;

/** One setting's text value, or undefined when it is not set. */
export async function readSetting(db: Tx, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

/** Sets (inserts or replaces) one setting. */
export async function writeSetting(trx: Tx, key: string, value: string): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A positive number setting, or the default when unset or not a positive number. */
export async function numberSetting(db: Tx, key: string, fallback: number): Promise<number> {
  const value = Number(await readSetting(db, key));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** What the EOQ needs: cost per order and yearly holding rate. */
export async function costSettings(db: Tx) {
  return {
    orderCostMinor: await numberSetting(db, SETTING.orderCostMinor, DEFAULT_ORDER_COST_MINOR),
    holdingRatePerYear: await numberSetting(db, SETTING.holdingRate, DEFAULT_HOLDING_RATE),
  };
}

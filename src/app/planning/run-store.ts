import type { Tx } from '../../adapters/db/database.js';
import type { PairPlan } from './plan-pair.js';
import type { PlanningPair } from './run-inputs.js';

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** A pair's plan as the run stores it. */
export interface PlannedPair {
  pair: PlanningPair;
  plan: PairPlan;
  leadTime: { meanDays: number; sdDays: number } | null;
}

/** Rows per insert: well under SQLite's parameter limit at 13 columns. */
const ROWS_PER_INSERT = 200;

/**
 * Replaces the pairs' stored forecasts (weekly, 80 % interval) and, where there is one, their
 * policies: one upsert per table for a whole batch of pairs, not one per pair.
 */
export async function savePlans(
  trx: Tx,
  planned: readonly PlannedPair[],
  runId: number,
  nowIso: string,
): Promise<void> {
  const forecasts = planned.map(({ pair, plan }) => {
    const f = plan.forecast;
    return {
      sku_id: pair.skuId,
      warehouse_id: pair.warehouseId,
      method: f.method,
      demand_class: f.demandClass,
      period: 'week',
      forecast: JSON.stringify(f.forecast.map(round4)),
      lower: JSON.stringify(f.lower.map(round4)),
      upper: JSON.stringify(f.upper.map(round4)),
      mase: f.mase,
      smape: f.smape,
      bias: f.bias,
      run_id: runId,
      computed_at: nowIso,
    };
  });
  for (let i = 0; i < forecasts.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto('sku_forecasts')
      .values(forecasts.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc.columns(['sku_id', 'warehouse_id']).doUpdateSet((eb) => ({
          method: eb.ref('excluded.method'),
          demand_class: eb.ref('excluded.demand_class'),
          period: eb.ref('excluded.period'),
          forecast: eb.ref('excluded.forecast'),
          lower: eb.ref('excluded.lower'),
          upper: eb.ref('excluded.upper'),
          mase: eb.ref('excluded.mase'),
          smape: eb.ref('excluded.smape'),
          bias: eb.ref('excluded.bias'),
          run_id: eb.ref('excluded.run_id'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  const policies = planned.flatMap(({ pair, plan, leadTime }) => {
    if (!plan.policy || !leadTime) return [];
    const p = plan.policy;
    const f = plan.forecast;
    return [
      {
        sku_id: pair.skuId,
        warehouse_id: pair.warehouseId,
        service_level: plan.serviceLevel,
        mean_daily_demand: round4(f.meanDailyDemand),
        sd_daily_demand: round4(f.sdDailyDemand),
        lead_time_days: leadTime.meanDays,
        lead_time_sd_days: leadTime.sdDays,
        safety_stock: p.safetyStock,
        reorder_point: p.reorderPoint,
        order_up_to: p.orderUpTo,
        eoq: p.eoq,
        shelf_life_cap: p.shelfLifeCap,
        computed_at: nowIso,
      },
    ];
  });
  for (let i = 0; i < policies.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto('reorder_policies')
      .values(policies.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc.columns(['sku_id', 'warehouse_id']).doUpdateSet((eb) => ({
          service_level: eb.ref('excluded.service_level'),
          mean_daily_demand: eb.ref('excluded.mean_daily_demand'),
          sd_daily_demand: eb.ref('excluded.sd_daily_demand'),
          lead_time_days: eb.ref('excluded.lead_time_days'),
          lead_time_sd_days: eb.ref('excluded.lead_time_sd_days'),
          safety_stock: eb.ref('excluded.safety_stock'),
          reorder_point: eb.ref('excluded.reorder_point'),
          order_up_to: eb.ref('excluded.order_up_to'),
          eoq: eb.ref('excluded.eoq'),
          shelf_life_cap: eb.ref('excluded.shelf_life_cap'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
}

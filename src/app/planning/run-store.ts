import type { Tx } from '../../adapters/db/database.js';
import type { PairPlan } from './plan-pair.js';
import type { PlanningPair } from './run-inputs.js';

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Replaces the pair's stored forecast (weekly, 80 % interval) and, when there is one, its policy. */
export async function savePlan(
  trx: Tx,
  pair: PlanningPair,
  plan: PairPlan,
  leadTime: { meanDays: number; sdDays: number } | null,
  runId: number,
  nowIso: string,
): Promise<void> {
  const key = { sku_id: pair.skuId, warehouse_id: pair.warehouseId };
  const f = plan.forecast;
  const forecast = {
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
  await trx
    .insertInto('sku_forecasts')
    .values({ ...key, ...forecast })
    .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet(forecast))
    .execute();
  if (!plan.policy || !leadTime) return;
  const p = plan.policy;
  const policy = {
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
  };
  await trx
    .insertInto('reorder_policies')
    .values({ ...key, ...policy })
    .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet(policy))
    .execute();
}

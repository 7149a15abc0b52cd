import type { Tx } from '../../adapters/db/database.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import { demandDays } from './demand-queries.js';
import { demandSeries } from './demand-series.js';
import { addDays, isoWeekStart } from './planning-calendar.js';
import { HISTORY_WEEKS } from './sku-forecast.js';

/** What a planner may set per SKU × warehouse; omitted fields stay as they are. */
export interface SkuPlanningInput {
  /** Target cycle service level (0–1); null: the ABC class default. */
  serviceLevel?: number | null | undefined;
  /** Pins the ABC class; null unpins it (the run classifies again). */
  pinnedAbcClass?: 'A' | 'B' | 'C' | null | undefined;
  /** null: no preference (the run buys only from a sole listed supplier). */
  preferredSupplierId?: number | null | undefined;
  useEoq?: boolean | undefined;
  reviewDays?: number | undefined;
}

async function mustExist(trx: Tx, skuId: number, warehouseId: number) {
  const sku = await trx.selectFrom('skus').select('id').where('id', '=', skuId).executeTakeFirst();
  if (!sku) must(fail('PLANNING.SKU_NOT_FOUND', `No SKU ${skuId}`, { skuId }));
  const wh = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  if (!wh)
    must(fail('PLANNING.WAREHOUSE_NOT_FOUND', `No warehouse ${warehouseId}`, { warehouseId }));
}

/** Upserts the planner's settings for a SKU in a warehouse; returns them. */
export async function updateSkuPlanning(
  trx: Tx,
  skuId: number,
  warehouseId: number,
  input: SkuPlanningInput,
  nowIso: string,
) {
  await mustExist(trx, skuId, warehouseId);
  if (input.preferredSupplierId != null) {
    const listed = await trx
      .selectFrom('supplier_skus')
      .select('id')
      .where('supplier_id', '=', input.preferredSupplierId)
      .where('sku_id', '=', skuId)
      .executeTakeFirst();
    if (!listed)
      must(
        fail(
          'PLANNING.SUPPLIER_NOT_LISTED',
          `Supplier ${input.preferredSupplierId} does not sell SKU ${skuId}`,
          {
            supplierId: input.preferredSupplierId,
            skuId,
          },
        ),
      );
  }
  const current = await trx
    .selectFrom('sku_planning')
    .selectAll()
    .where('sku_id', '=', skuId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  const pin = input.pinnedAbcClass;
  const next = {
    preferred_supplier_id:
      input.preferredSupplierId !== undefined
        ? input.preferredSupplierId
        : (current?.preferred_supplier_id ?? null),
    abc_class: pin != null ? pin : (current?.abc_class ?? null),
    abc_pinned: pin === undefined ? Number(current?.abc_pinned ?? 0) : pin === null ? 0 : 1,
    service_level:
      input.serviceLevel !== undefined ? input.serviceLevel : (current?.service_level ?? null),
    review_days: input.reviewDays ?? Number(current?.review_days ?? 1),
    use_eoq: input.useEoq === undefined ? Number(current?.use_eoq ?? 0) : input.useEoq ? 1 : 0,
    updated_at: nowIso,
  };
  await trx
    .insertInto('sku_planning')
    .values({ sku_id: skuId, warehouse_id: warehouseId, ...next })
    .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet(next))
    .execute();
  return settingsView(next);
}

function settingsView(r: {
  preferred_supplier_id: number | null;
  abc_class: string | null;
  abc_pinned: number;
  service_level: number | null;
  review_days: number;
  use_eoq: number;
}) {
  return {
    preferredSupplierId: r.preferred_supplier_id === null ? null : Number(r.preferred_supplier_id),
    abcClass: r.abc_class,
    abcPinned: Number(r.abc_pinned) === 1,
    serviceLevel: r.service_level === null ? null : Number(r.service_level),
    reviewDays: Number(r.review_days),
    useEoq: Number(r.use_eoq) === 1,
  };
}

const nullableNumber = (x: number | null) => (x === null ? null : Number(x));

/**
 * The weekly history a chart draws: from the ISO week of the pair's first demand row (weeks
 * before the SKU sold there are not weeks of zero demand), at most HISTORY_WEEKS back, through
 * this week; empty when it never sold there.
 */
async function historySinceFirstSale(db: Tx, skuId: number, warehouseId: number, today: string) {
  const earliest = addDays(isoWeekStart(today), -7 * HISTORY_WEEKS);
  const first = await db
    .selectFrom('demand_daily')
    .where('sku_id', '=', skuId)
    .where('warehouse_id', '=', warehouseId)
    .where('day', '>=', earliest)
    .select((eb) => eb.fn.min<string>('day').as('day'))
    .executeTakeFirst();
  if (!first?.day) return [];
  const from = isoWeekStart(first.day);
  return demandSeries(await demandDays(db, skuId, warehouseId, from, today), from, today, 'week');
}

/**
 * Everything a planner's chart of one SKU in one warehouse needs: weekly history (up to 156 weeks
 * with censored flags), the stored forecast with its 80 % interval, and the policy levels.
 */
export async function skuPlanningView(
  db: Tx,
  skuId: number,
  warehouseId: number,
  today: string,
): Promise<Result<unknown>> {
  const sku = await db
    .selectFrom('skus')
    .select(['id', 'code', 'name'])
    .where('id', '=', skuId)
    .executeTakeFirst();
  if (!sku) return fail('PLANNING.SKU_NOT_FOUND', `No SKU ${skuId}`, { skuId });
  const [settings, forecast, policy] = await Promise.all([
    db
      .selectFrom('sku_planning')
      .selectAll()
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .executeTakeFirst(),
    db
      .selectFrom('sku_forecasts')
      .selectAll()
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .executeTakeFirst(),
    db
      .selectFrom('reorder_policies')
      .selectAll()
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .executeTakeFirst(),
  ]);
  const history = await historySinceFirstSale(db, skuId, warehouseId, today);
  return ok({
    skuId,
    skuCode: sku.code,
    skuName: sku.name,
    warehouseId,
    settings: settings ? settingsView(settings) : null,
    history,
    forecast: forecast
      ? {
          method: forecast.method,
          demandClass: forecast.demand_class,
          period: forecast.period,
          /** The first forecast week is the ISO week of the run that computed it. */
          startsOn: isoWeekStart(forecast.computed_at.slice(0, 10)),
          values: JSON.parse(forecast.forecast) as number[],
          lower: JSON.parse(forecast.lower) as number[],
          upper: JSON.parse(forecast.upper) as number[],
          mase: nullableNumber(forecast.mase),
          smape: nullableNumber(forecast.smape),
          bias: nullableNumber(forecast.bias),
          computedAt: forecast.computed_at,
        }
      : null,
    policy: policy
      ? {
          serviceLevel: Number(policy.service_level),
          meanDailyDemand: Number(policy.mean_daily_demand),
          sdDailyDemand: Number(policy.sd_daily_demand),
          leadTimeDays: Number(policy.lead_time_days),
          leadTimeSdDays: Number(policy.lead_time_sd_days),
          safetyStock: Number(policy.safety_stock),
          reorderPoint: Number(policy.reorder_point),
          orderUpTo: Number(policy.order_up_to),
          eoq: nullableNumber(policy.eoq),
          shelfLifeCap: nullableNumber(policy.shelf_life_cap),
          computedAt: policy.computed_at,
        }
      : null,
  });
}

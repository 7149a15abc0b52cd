import {
  DEFAULT_SERVICE_LEVELS,
  reorderPolicy,
  replenishmentNeed,
  type AbcClass,
  type ReorderPolicy,
  type ReplenishmentNeed,
} from '../../core/planning/policy/index.js';
import type { PlanningPair } from './run-inputs.js';
import type { SupplierChoice } from './run-suppliers.js';
import { forecastWeekly, uncensor, type SkuForecast } from './sku-forecast.js';

/** Everything known about one SKU × warehouse when the run plans it. */
export interface PairFacts {
  pair: PlanningPair;
  weeks: readonly { quantity: number; censored: boolean }[];
  /** Who the lead time and costs come from; null when no supplier lists the SKU. */
  terms: SupplierChoice | null;
  leadTime: { meanDays: number; sdDays: number } | null;
  abcClass: AbcClass;
  available: number;
  onOrder: number;
  backordered: number;
  costs: { orderCostMinor: number; holdingRatePerYear: number };
  today: string;
}

export interface PairPlan {
  forecast: SkuForecast;
  serviceLevel: number;
  policy: ReorderPolicy | null;
  need: ReplenishmentNeed | null;
}

/**
 * Forecast, policy and today's need for one SKU × warehouse. Service level: the planner's
 * override, else the ABC class default. Without a supplier there is no lead time, so no policy.
 */
export function planPair(facts: PairFacts): PairPlan {
  const { pair, leadTime, terms } = facts;
  const reviewDays = Math.max(0, pair.reviewDays);
  const forecast = forecastWeekly(uncensor(facts.weeks), (leadTime?.meanDays ?? 0) + reviewDays);
  const serviceLevel = pair.serviceLevel ?? DEFAULT_SERVICE_LEVELS[facts.abcClass];
  if (!leadTime || !terms) return { forecast, serviceLevel, policy: null, need: null };
  const policy = reorderPolicy({
    meanDailyDemand: forecast.meanDailyDemand,
    sdDailyDemand: forecast.sdDailyDemand,
    leadTimeDays: leadTime.meanDays,
    leadTimeSdDays: leadTime.sdDays,
    serviceLevel,
    reviewDays,
    useEoq: pair.useEoq,
    orderCostMinor: facts.costs.orderCostMinor,
    holdingRatePerYear: facts.costs.holdingRatePerYear,
    unitCostMinor: terms.unitCostMinor > 0 ? terms.unitCostMinor : pair.standardCostMinor,
    shelfLifeDays: pair.shelfLifeDays,
  });
  const need = replenishmentNeed({
    available: facts.available,
    onOrder: facts.onOrder,
    backordered: facts.backordered,
    policy,
    meanDailyDemand: forecast.meanDailyDemand,
    rounding: { minOrderQuantity: terms.minOrderQuantity, orderMultiple: terms.orderMultiple },
    today: facts.today,
  });
  return { forecast, serviceLevel, policy, need };
}

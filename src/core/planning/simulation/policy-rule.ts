/**
 * The policy arm: every week, refit the forecast with automatic method choice on the weekly
 * history so far, turn it into a daily mean and sd, pick the cycle service level that yields
 * the target fill rate, and compute the reorder policy; every day, order what
 * replenishmentNeed says.
 */
import { Z80 } from '../forecast/intervals.js';
import { selectForecast } from '../forecast/select.js';
import {
  economicOrderQuantity,
  reorderPolicy,
  protectionSd,
  type PolicyInput,
  type ReorderPolicy,
} from '../policy/reorder-policy.js';
import { replenishmentNeed } from '../policy/replenishment-need.js';
import { serviceLevelForFillRate } from '../policy/fill-rate.js';
import type { SimSku } from './demand-portfolio.js';
import type { ReorderRule } from './inventory-simulator.js';

/** Costs that size orders (EOQ) in both the policy and, for fairness, nowhere else. */
export interface PolicyRuleOptions {
  readonly fillRate: number;
  readonly orderCostMinor: number;
  readonly holdingRatePerYear: number;
  /** Backtest origins for the weekly refit (the selector's default is 4). */
  readonly origins?: number;
}

const WEEK = 7;

/** Weekly totals of the complete weeks in demand[0, day). */
export function weeklyHistory(demand: readonly number[], day: number): number[] {
  const weeks = Math.floor(day / WEEK);
  return Array.from({ length: weeks }, (_, w) => {
    let sum = 0;
    for (let d = w * WEEK; d < (w + 1) * WEEK; d++) sum += demand[d]!;
    return sum;
  });
}

/**
 * d̄ and σd from the selected forecast: d̄ is the mean weekly forecast over the weeks that
 * cover the protection period, ÷ 7; σd is the one-step weekly sd read off the 80 % interval,
 * ÷ √7 (days within a week taken as independent).
 */
export function dailyDemandEstimate(
  weekly: readonly number[],
  protectionDays: number,
  origins: number,
): { mean: number; sd: number } {
  const horizon = Math.max(1, Math.ceil(protectionDays / WEEK));
  const chosen = selectForecast(weekly, { horizon, seasonLength: 52, origins });
  if (!chosen.ok) {
    const mean = weekly.reduce((a, b) => a + b, 0) / Math.max(1, weekly.length);
    const sd = Math.sqrt(
      weekly.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, weekly.length - 1),
    );
    return { mean: mean / WEEK, sd: sd / Math.sqrt(WEEK) };
  }
  const { forecast, upper80 } = chosen.value.result;
  const mean = Math.max(0, forecast.reduce((a, b) => a + b, 0) / forecast.length);
  const weeklySd = upper80 ? Math.max(0, (upper80[0]! - forecast[0]!) / Z80) : 0;
  return { mean: mean / WEEK, sd: weeklySd / Math.sqrt(WEEK) };
}

/**
 * The week's policy for a SKU from the demand of days [0, known), at the service level that
 * yields the fill-rate target.
 */
export function weeklyPolicy(
  sku: SimSku,
  known: number,
  options: PolicyRuleOptions,
): { policy: ReorderPolicy; meanDailyDemand: number } {
  const estimate = dailyDemandEstimate(
    weeklyHistory(sku.demand, known),
    sku.leadTimeDays + 1,
    options.origins ?? 4,
  );
  const input: PolicyInput = {
    meanDailyDemand: estimate.mean,
    sdDailyDemand: estimate.sd,
    leadTimeDays: sku.leadTimeDays,
    leadTimeSdDays: sku.leadTimeSdDays,
    serviceLevel: 0.5,
    reviewDays: 1,
    useEoq: true,
    orderCostMinor: options.orderCostMinor,
    holdingRatePerYear: options.holdingRatePerYear,
    unitCostMinor: sku.unitCostMinor,
  };
  // Units sold per replenishment cycle, i.e. the size of a real order: the bigger of a day's
  // demand, the EOQ and the supplier's minimum or case, plus what ordering adds on average:
  // half a day's demand of undershoot below the reorder point (daily review) and half a case
  // of rounding up.
  const perCycle =
    Math.max(
      estimate.mean,
      economicOrderQuantity(input) ?? 0,
      sku.minOrderQuantity,
      sku.orderMultiple,
    ) +
    estimate.mean / 2 +
    (sku.orderMultiple - 1) / 2;
  const serviceLevel = serviceLevelForFillRate(options.fillRate, protectionSd(input), perCycle);
  return { policy: reorderPolicy({ ...input, serviceLevel }), meanDailyDemand: estimate.mean };
}

/**
 * The daily rule. Reviews come after the day's demand, so the demand through today is known;
 * the policy is refitted whenever a week has just closed (and on the first review).
 */
export function policyRule(sku: SimSku, options: PolicyRuleOptions): ReorderRule {
  let current: ReturnType<typeof weeklyPolicy> | null = null;
  return (state) => {
    const known = state.day + 1;
    if (current === null || known % WEEK === 0) current = weeklyPolicy(sku, known, options);
    const need = replenishmentNeed({
      available: state.onHand,
      onOrder: state.onOrder,
      backordered: state.backordered,
      policy: current.policy,
      meanDailyDemand: current.meanDailyDemand,
      rounding: { minOrderQuantity: sku.minOrderQuantity, orderMultiple: sku.orderMultiple },
      today: '2026-01-01',
    });
    return need.quantity;
  };
}

/**
 * The one-year comparison behind issue 5: the forecast-driven reorder policy against a static
 * min/max rule, on the same demand and the same lead-time draws (common random numbers), the
 * min/max multiplier searched until it reaches at least the policy's fill rate.
 */
import { mulberry32 } from '../forecast/synthetic-series.js';
import { demandPortfolio, SIM_YEAR_DAYS, type SimSku } from './demand-portfolio.js';
import {
  portfolioResult,
  simulateSku,
  type ArmResult,
  type ReorderRule,
  type SkuOutcome,
} from './inventory-simulator.js';
import { minMaxLevels, minMaxRule } from './min-max-rule.js';
import { policyRule, weeklyPolicy, type PolicyRuleOptions } from './policy-rule.js';

/** The experiment's knobs. */
export interface ComparisonOptions extends PolicyRuleOptions {
  readonly seed: number;
  readonly skus: number;
  readonly intermittentShare?: number;
}

/** Both arms' portfolio figures, and the min/max multiplier that matched the fill rate. */
export interface Comparison {
  readonly policy: ArmResult;
  /** The lowest multiplier whose fill rate is at least the policy's. */
  readonly minMax: ArmResult & { readonly multiplier: number };
  /**
   * The highest multiplier whose fill rate is at most the policy's (the policy's fill rate is
   * then at least min/max's): the stock comparison that cannot flatter min/max's service.
   */
  readonly minMaxBelow: ArmResult & { readonly multiplier: number };
  readonly byKind: Readonly<Record<SimSku['kind'], { policy: ArmResult; minMax: ArmResult }>>;
}

const MULTIPLIERS = Array.from({ length: 121 }, (_, i) => i * 0.05); // 0 … 6 × lead-time demand

function runArm(
  skus: readonly SimSku[],
  ruleFor: (sku: SimSku) => { rule: ReorderRule; openingStock: number },
): SkuOutcome[] {
  return skus.map((sku) => {
    const { rule, openingStock } = ruleFor(sku);
    return simulateSku(sku, rule, { start: SIM_YEAR_DAYS, end: 2 * SIM_YEAR_DAYS, openingStock });
  });
}

function byKind(
  skus: readonly SimSku[],
  policy: readonly SkuOutcome[],
  minMax: readonly SkuOutcome[],
): Comparison['byKind'] {
  const part = (kind: SimSku['kind']) => {
    const pick = <T>(list: readonly T[]) => list.filter((_, i) => skus[i]!.kind === kind);
    return {
      policy: portfolioResult(pick(skus), pick(policy)),
      minMax: portfolioResult(pick(skus), pick(minMax)),
    };
  };
  return { smooth: part('smooth'), intermittent: part('intermittent') };
}

/**
 * Generates the portfolio (a history year, then the simulated year), runs the policy arm, then
 * the min/max arm at rising multipliers until its fill rate is at least the policy's. Each arm
 * opens the simulated year at its own order-up-to level (max for min/max).
 */
export function compareRules(options: ComparisonOptions): Comparison {
  const skus = demandPortfolio(
    mulberry32(options.seed),
    options.skus,
    2 * SIM_YEAR_DAYS,
    options.intermittentShare,
  );
  const policyOutcomes = runArm(skus, (sku) => ({
    rule: policyRule(sku, options),
    openingStock: weeklyPolicy(sku, SIM_YEAR_DAYS, options).policy.orderUpTo,
  }));
  const policy = portfolioResult(skus, policyOutcomes);
  let minMaxOutcomes: SkuOutcome[] = [];
  let multiplier = NaN;
  let below: ArmResult & { multiplier: number } = { ...policy, fillRate: 0, multiplier: NaN };
  for (const k of MULTIPLIERS) {
    minMaxOutcomes = runArm(skus, (sku) => {
      const levels = minMaxLevels(sku, SIM_YEAR_DAYS, k);
      return { rule: minMaxRule(sku, levels), openingStock: levels.max };
    });
    multiplier = k;
    const result = portfolioResult(skus, minMaxOutcomes);
    if (result.fillRate <= policy.fillRate) below = { ...result, multiplier: k };
    if (result.fillRate >= policy.fillRate) break;
  }
  return {
    policy,
    minMax: { ...portfolioResult(skus, minMaxOutcomes), multiplier },
    minMaxBelow: below,
    byKind: byKind(skus, policyOutcomes, minMaxOutcomes),
  };
}

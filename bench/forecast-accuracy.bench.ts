/**
 * Forecast accuracy on the M3 competition (issue 16) and the replenishment it leads to.
 *
 * forecast_smape_m3_other / forecast_smape_m3_yearly: sMAPE (M3's, in %) of the automatic
 * choice (`selectForecast`) on the 174 "Other" series (h = 8) and the 645 "Yearly" series
 * (h = 6) of test/fixtures/m3, trained on all but the last h values of each series; no season
 * (both subsets are non-seasonal). forecast_smape_m3_<subset>_<method>: each candidate method
 * alone, fitted on the whole training part, floored at 0 like the automatic choice. Published
 * figures for comparison (THETA 4.41 / 16.97, DAMPEN 4.61 / 17.36) are in the fixtures' README.
 * The subsets are a development set: the choice is meant to hold on series it never saw.
 *
 * policy_fill_rate, minmax_fill_rate, policy_vs_minmax_stock_ratio: the one-year simulation of
 * src/core/planning/simulation (seed 1, 60 SKUs of which 24 intermittent, 95 % fill-rate
 * target, as test/planning/simulation.test.ts): the forecast-driven reorder policy against a
 * static min/max, at the highest multiplier whose fill rate is at most the policy's (so the
 * policy serves at least as well); the ratio is the policy's average units on hand ÷ min/max's.
 * minmax_above_fill_rate and policy_vs_minmax_above_stock_ratio: the same against the lowest
 * multiplier whose fill rate is at least the policy's (min/max serving at least as well).
 *
 * Accuracy, not speed: the figures do not depend on the machine's load.
 */
import { compareRules } from '../src/core/planning/simulation/index.js';
import { m3Accuracy } from '../test/fixtures/m3/m3-accuracy.js';
import type { M3Subset } from '../test/fixtures/m3/m3-series.js';
import { emit, log, type Metrics } from './support/report.js';
import { round } from './support/stats.js';

/** forecast_smape_m3_<subset> (automatic) and forecast_smape_m3_<subset>_<method>. */
function subsetAccuracy(subset: M3Subset): Metrics {
  const { smape, chosen, series } = m3Accuracy(subset);
  const top = [...chosen].sort((a, b) => b[1] - a[1]).slice(0, 6);
  log(`${subset}: ${series} series; most chosen ${JSON.stringify(Object.fromEntries(top))}`);
  const metrics: Metrics = {};
  for (const [name, value] of smape) {
    const suffix = name === 'auto' ? '' : `_${name.replace('-', '_')}`;
    metrics[`forecast_smape_m3_${subset}${suffix}`] = round(value, 3);
  }
  log(JSON.stringify(metrics));
  return metrics;
}

function policyFigures(): Metrics {
  const c = compareRules({
    seed: 1,
    skus: 60,
    intermittentShare: 0.4,
    fillRate: 0.95,
    orderCostMinor: 1000,
    holdingRatePerYear: 0.25,
  });
  const arm = (name: string, r: { fillRate: number; averageUnits: number }) =>
    `${name}: fill ${(100 * r.fillRate).toFixed(2)} %, ${r.averageUnits.toFixed(0)} units on hand`;
  log(arm('policy', c.policy));
  log(arm(`min/max k = ${c.minMax.multiplier.toFixed(2)} (first at or above)`, c.minMax));
  log(arm(`min/max k = ${c.minMaxBelow.multiplier.toFixed(2)} (last at or below)`, c.minMaxBelow));
  return {
    policy_fill_rate: round(c.policy.fillRate, 4),
    minmax_fill_rate: round(c.minMaxBelow.fillRate, 4),
    policy_vs_minmax_stock_ratio: round(c.policy.averageUnits / c.minMaxBelow.averageUnits, 3),
    minmax_above_fill_rate: round(c.minMax.fillRate, 4),
    policy_vs_minmax_above_stock_ratio: round(c.policy.averageUnits / c.minMax.averageUnits, 3),
  };
}

const skipPolicy = process.argv.includes('--no-policy');
emit({
  ...subsetAccuracy('other'),
  ...subsetAccuracy('yearly'),
  ...(skipPolicy ? {} : policyFigures()),
});

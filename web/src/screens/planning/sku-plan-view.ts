/**
 * The pure parts of the SKU planning screen: what the chart draws and the facts line under the
 * title. Kept apart from the component so tests can check them without a browser.
 */

/** GET /planning/skus/:skuId?warehouseId=: weekly history, forecast with interval, policy. */
export interface SkuPlanBody {
  /** From the first week the SKU sold in this warehouse (none before: not zero demand). */
  history: { start: string; orderedQuantity: number; censored: boolean }[];
  forecast: {
    method: string;
    startsOn: string;
    values: number[];
    lower: number[];
    upper: number[];
    mase: number | null;
    smape: number | null;
  } | null;
  policy: {
    safetyStock: number;
    reorderPoint: number;
    leadTimeDays: number;
    leadTimeSdDays: number;
    serviceLevel: number;
  } | null;
}

/** One line of the chart: a value per x, null where it has none. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

const WEEK_S = 7 * 86_400;
const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** Lead time as a planner reads it: whole days, and its usual spread in whole days. */
export function leadTimeText(meanDays: number, sdDays: number): string {
  const mean = Math.max(0, Math.round(meanDays));
  const sd = Math.max(0, Math.round(sdDays));
  return sd > 0 ? `lead time ${mean} ± ${sd} days` : `lead time ${mean} days`;
}

/** The forecast's method and how it did when backtested. */
export function forecastText(forecast: NonNullable<SkuPlanBody['forecast']>): string {
  const errors = [
    forecast.mase === null ? null : `MASE ${forecast.mase.toFixed(2)}`,
    forecast.smape === null ? null : `sMAPE ${forecast.smape.toFixed(0)} %`,
  ].filter((e) => e !== null);
  const backtest = errors.length > 0 ? ` (back-test ${errors.join(', ')})` : ' (not back-tested)';
  return `forecast: ${forecast.method}${backtest}`;
}

/** The facts line: policy levels, lead time, service level, forecast method and error. */
export function planFacts(body: SkuPlanBody): string {
  const { policy, forecast } = body;
  const parts = policy
    ? [
        `Safety stock ${policy.safetyStock}`,
        `reorder point ${policy.reorderPoint}`,
        leadTimeText(policy.leadTimeDays, policy.leadTimeSdDays),
        `service level ${Math.round(policy.serviceLevel * 100)} %`,
      ]
    : ['No reorder policy computed yet'];
  if (forecast) parts.push(forecastText(forecast));
  return parts.join(' · ');
}

/**
 * x (seconds) and the lines: demand only over the weeks the history holds (never padded with
 * zeros before the SKU first sold), then the forecast with its 80 % interval; safety stock and
 * reorder point across the whole chart.
 */
export function chartOf(body: SkuPlanBody): { x: number[]; series: ChartSeries[] } {
  const f = body.forecast;
  const first = f ? seconds(f.startsOn) : Infinity;
  const history = body.history.filter((h) => seconds(h.start) < first);
  const past = history.map((h) => seconds(h.start));
  const ahead = f ? f.values.map((_, i) => first + i * WEEK_S) : [];
  const x = [...past, ...ahead];
  const pad = (n: number) => Array<null>(n).fill(null);
  const level = (v: number | undefined) => x.map(() => v ?? null);
  const after = (values: number[] | undefined) => [...pad(past.length), ...(values ?? [])];
  return {
    x,
    series: [
      {
        label: 'Demand',
        values: [...history.map((h) => h.orderedQuantity), ...pad(ahead.length)],
        color: '#1a1a1a',
      },
      { label: 'Forecast', values: after(f?.values), color: '#0b57d0' },
      { label: 'Lower 80 %', values: after(f?.lower), color: '#5e81c4', dash: [4, 4] },
      { label: 'Upper 80 %', values: after(f?.upper), color: '#5e81c4', dash: [4, 4] },
      {
        label: 'Safety stock',
        values: level(body.policy?.safetyStock),
        color: '#b3261e',
        dash: [2, 6],
      },
      {
        label: 'Reorder point',
        values: level(body.policy?.reorderPoint),
        color: '#8a5300',
        dash: [8, 4],
      },
    ],
  };
}

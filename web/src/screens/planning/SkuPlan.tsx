import { useMemo } from 'react';
import { get } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { TrendChart } from '../../ui/TrendChart';
import { useApi } from '../../ui/useApi';

/** GET /planning/skus/:skuId?warehouseId=: weekly history, forecast with interval, policy. */
interface SkuPlanBody {
  history: { start: string; orderedQuantity: number; censored: boolean }[];
  forecast: {
    method: string;
    startsOn: string;
    values: number[];
    lower: number[];
    upper: number[];
  } | null;
  policy: {
    safetyStock: number;
    reorderPoint: number;
    leadTimeDays: number;
    serviceLevel: number;
  } | null;
}

const WEEK_S = 7 * 86_400;

/** One SKU's weekly demand, forecast with its interval, safety stock and reorder point. */
export function SkuPlan(props: { skuId: number; warehouseId: number; label: string }) {
  const { skuId, warehouseId, label } = props;
  const plan = useApi(
    () => get<SkuPlanBody>(`/planning/skus/${skuId}`, { warehouseId }),
    `${skuId}/${warehouseId}`,
  );
  const chart = useMemo(() => (plan.data ? chartOf(plan.data) : null), [plan.data]);
  const policy = plan.data?.policy;
  return (
    <section aria-labelledby="sku-plan-title" className="sku-plan">
      <h2 id="sku-plan-title">{label}: demand and forecast</h2>
      <ProblemBox problem={plan.problem} />
      {plan.data && (
        <p>
          {policy
            ? `Safety stock ${policy.safetyStock} · reorder point ${policy.reorderPoint} · lead time ${policy.leadTimeDays} days · service level ${Math.round(policy.serviceLevel * 100)}%`
            : 'No reorder policy computed yet.'}
          {plan.data.forecast ? ` · forecast method ${plan.data.forecast.method}` : ''}
        </p>
      )}
      {chart && (
        <TrendChart
          title="Weekly demand, forecast and interval"
          x={chart.x}
          series={chart.series}
          height={220}
          summary={`${plan.data?.history.length ?? 0} weeks of history`}
        />
      )}
    </section>
  );
}

function chartOf(body: SkuPlanBody) {
  const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
  const history = body.history;
  const f = body.forecast;
  const first = f ? seconds(f.startsOn) : 0;
  const ahead = f ? f.values.map((_, i) => first + i * WEEK_S) : [];
  const past = history.map((h) => seconds(h.start)).filter((t) => !f || t < first);
  const x = [...past, ...ahead];
  const pad = (n: number) => Array<null>(n).fill(null);
  const level = (v: number | undefined) => x.map(() => v ?? null);
  const series = [
    {
      label: 'Demand',
      values: [
        ...history.slice(0, past.length).map((h) => h.orderedQuantity),
        ...pad(ahead.length),
      ],
      color: '#1a1a1a',
    },
    { label: 'Forecast', values: [...pad(past.length), ...(f?.values ?? [])], color: '#0b57d0' },
    {
      label: 'Lower',
      values: [...pad(past.length), ...(f?.lower ?? [])],
      color: '#5e81c4',
      dash: [4, 4],
    },
    {
      label: 'Upper',
      values: [...pad(past.length), ...(f?.upper ?? [])],
      color: '#5e81c4',
      dash: [4, 4],
    },
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
  ];
  return { x, series };
}

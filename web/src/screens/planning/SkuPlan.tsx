import { useMemo } from 'react';
import { get } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { TrendChart } from '../../ui/TrendChart';
import { useApi } from '../../ui/useApi';
import { chartOf, planFacts, type SkuPlanBody } from './sku-plan-view';

/** One SKU's weekly demand, forecast with its interval, safety stock and reorder point. */
export function SkuPlan(props: { skuId: number; warehouseId: number; label: string }) {
  const { skuId, warehouseId, label } = props;
  const plan = useApi(
    () => get<SkuPlanBody>(`/planning/skus/${skuId}`, { warehouseId }),
    `${skuId}/${warehouseId}`,
  );
  const chart = useMemo(() => (plan.data ? chartOf(plan.data) : null), [plan.data]);
  const weeks = plan.data?.history.length ?? 0;
  return (
    <section aria-labelledby="sku-plan-title" className="sku-plan">
      <h2 id="sku-plan-title">{label}: demand and forecast</h2>
      <ProblemBox problem={plan.problem} />
      {plan.data && <p>{planFacts(plan.data)}</p>}
      {chart && (
        <TrendChart
          title="Weekly demand, forecast and 80 % interval"
          x={chart.x}
          series={chart.series}
          height={220}
          summary={weeks > 0 ? `${weeks} weeks of history` : 'No demand history yet'}
        />
      )}
    </section>
  );
}

import { useMemo } from 'react';
import { TrendChart } from '../ui/TrendChart';
import type { KpiReport } from './dashboard-data';

/** The service KPIs shown on the dashboard, each with the metric used and what it counts. */
const SHOWN: {
  name: string;
  metric: string;
  label: string;
  definition: string;
  percent: boolean;
}[] = [
  {
    name: 'fill-rate',
    metric: 'unitFillRate',
    label: 'Unit fill rate',
    definition: 'Units shipped ÷ units ordered (lines and orders: see the KPI table).',
    percent: true,
  },
  {
    name: 'fill-rate',
    metric: 'orderFillRate',
    label: 'Order fill rate',
    definition: 'Orders complete on their first shipment ÷ orders.',
    percent: true,
  },
  {
    name: 'order-accuracy',
    metric: 'orderAccuracy',
    label: 'Order accuracy',
    definition: 'Orders without a picking or shipping error ÷ orders.',
    percent: true,
  },
];

const isTotal = (row: Record<string, unknown>) => row.period === 'total' || row.period === null;

/** KPI tiles from GET /kpis with a daily trend chart each; unknown metrics are left out. */
export function KpiCards({ report }: { report: KpiReport }) {
  const cards = useMemo(() => SHOWN.flatMap((s) => cardOf(report, s)), [report]);
  if (cards.length === 0) return null;
  return (
    <>
      <h2>Service levels (14 days)</h2>
      <div className="charts">
        {cards.map((c) => (
          <div key={c.label} className="kpi-card">
            <p className="kpi-value">
              <span className="tile-label">{c.label}</span> <strong>{c.text}</strong>
            </p>
            {c.x.length === 0 ? (
              <p className="empty">{c.label}: nothing shipped in the period yet.</p>
            ) : (
              <TrendChart
                title={c.label}
                x={c.x}
                series={[{ label: c.label, values: c.values, color: '#0b57d0' }]}
                height={120}
                summary={`${c.label} ${c.text} over the period`}
              />
            )}
            <p className="tile-hint">{c.definition}</p>
          </div>
        ))}
      </div>
    </>
  );
}

function cardOf(report: KpiReport, shown: (typeof SHOWN)[number]) {
  const table = report.kpis.find((k) => k.name === shown.name);
  if (!table || !table.columns.includes(shown.metric)) return [];
  const buckets = table.rows.filter((r) => !isTotal(r) && typeof r.period === 'string');
  const total = table.rows.find(isTotal);
  const value = total?.[shown.metric];
  const format = (v: unknown) =>
    typeof v !== 'number' ? '—' : shown.percent ? `${(v * 100).toFixed(1)}%` : String(v);
  return [
    {
      label: shown.label,
      definition: shown.definition,
      text: format(value),
      x: buckets.map((r) => Date.parse(`${String(r.period).slice(0, 10)}T00:00:00Z`) / 1000),
      values: buckets.map((r) => {
        const v = r[shown.metric];
        return typeof v === 'number' ? (shown.percent ? v * 100 : v) : null;
      }),
    },
  ];
}

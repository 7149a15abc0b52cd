import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { money, plural, wholeMoney } from '../ui/format';
import { ProblemBox } from '../ui/ProblemBox';
import { TrendChart } from '../ui/TrendChart';
import { useApi } from '../ui/useApi';
import { KpiCards } from './KpiCards';
import { loadDashboard, mainCurrency, type DashboardData } from './dashboard-data';

/** KPI tiles with their trend, and the lists that need someone today. */
export function Dashboard() {
  const data = useApi(() => loadDashboard(), 'dashboard');
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">Dashboard</h1>
      <ProblemBox problem={data.problem} />
      {data.loading && !data.data && <p>Loading…</p>}
      {data.data && <Tiles data={data.data} />}
    </section>
  );
}

function Tiles({ data }: { data: DashboardData }) {
  const { summary } = data;
  const currency = useMemo(() => mainCurrency(summary.days), [summary]);
  const x = useMemo(
    () => summary.days.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000),
    [summary],
  );
  const orders = useMemo(
    () => [{ label: 'Orders', values: summary.days.map((d) => d.orders), color: '#0b57d0' }],
    [summary],
  );
  const value = useMemo(
    () => [
      {
        label: `Order value (${currency})`,
        values: summary.days.map((d) => (d.valueMinor[currency] ?? 0) / 100),
        color: '#137333',
      },
    ],
    [summary, currency],
  );
  const axisMoney = useCallback((units: number) => wholeMoney(units, currency), [currency]);
  const total = summary.days.reduce((n, d) => n + d.orders, 0);
  const totalValue = summary.days.reduce((n, d) => n + (d.valueMinor[currency] ?? 0), 0);
  return (
    <>
      <div className="tiles">
        <Tile
          label="Open orders (backlog)"
          value={summary.openOrders}
          to="/orders"
          hint="Confirmed to partially shipped, on hold included"
        />
        <Tile
          label="Backordered lines"
          value={summary.backorderedLines}
          to="/orders?status=backordered"
          hint={`${count(summary.backorderedUnits)} units waiting for stock`}
        />
        <Tile
          label="Orders in waves"
          value={summary.ordersInWaves}
          to="/warehouse"
          hint="Released or picked, not yet packed"
        />
        <Tile
          label={`Lots expiring in ${summary.expiryDays} days`}
          value={summary.expiringLots}
          to="/inventory"
          hint="Lots with stock on hand, expired ones included"
        />
        <Tile
          label="Stock-outs"
          value={summary.stockOuts}
          to="/inventory"
          hint="Stocked SKUs with nothing available"
        />
      </div>
      <div className="charts">
        <TrendChart
          title={`Orders per day (${summary.days.length} days)`}
          x={x}
          series={orders}
          summary={`${plural(total, 'order')} in ${plural(summary.days.length, 'day')}`}
        />
        <TrendChart
          title="Order value per day"
          x={x}
          series={value}
          yFormat={axisMoney}
          summary={`${money(totalValue, currency)} in ${summary.days.length} days`}
        />
      </div>
      {data.kpis ? (
        <KpiCards report={data.kpis} />
      ) : (
        <p className="muted">Service-level KPIs are not available from the server right now.</p>
      )}
      <h2>Stock-outs</h2>
      {summary.stockOutSkus.length === 0 ? (
        <p className="empty">No SKU is out of stock.</p>
      ) : (
        <ul>
          {summary.stockOutSkus.map((s) => (
            <li key={s.skuId}>
              {s.skuCode} {s.skuName}: {count(s.available)} available, {count(s.allocated)} held for
              orders
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const count = (n: number) => n.toLocaleString();

function Tile(props: { label: string; value: number; to: string; hint: string }) {
  return (
    <Link className="tile" to={props.to} aria-label={`${props.label}: ${props.value}`}>
      <span className="tile-value">{props.value.toLocaleString()}</span>
      <span className="tile-label">{props.label}</span>
      <span className="tile-hint">{props.hint}</span>
    </Link>
  );
}

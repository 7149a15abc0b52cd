import { useMemo } from 'react';
import { Link } from 'react-router';
import { money } from '../ui/format';
import { ProblemBox } from '../ui/ProblemBox';
import { TrendChart } from '../ui/TrendChart';
import { useApi } from '../ui/useApi';
import { KpiCards } from './KpiCards';
import { loadDashboard, type DashboardData } from './dashboard-data';

/** KPI tiles with their trend, and the lists that need someone today. */
export function Dashboard() {
  const data = useApi(() => loadDashboard(new Date()), 'dashboard');
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
  const x = useMemo(() => data.days.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000), [data]);
  const orders = useMemo(
    () => [{ label: 'Orders', values: data.days.map((d) => d.orders), color: '#0b57d0' }],
    [data],
  );
  const value = useMemo(
    () => [
      {
        label: 'Order value ($)',
        values: data.days.map((d) => d.valueMinor / 100),
        color: '#137333',
      },
    ],
    [data],
  );
  const total = data.days.reduce((n, d) => n + d.orders, 0);
  const totalValue = data.days.reduce((n, d) => n + d.valueMinor, 0);
  return (
    <>
      <div className="tiles">
        <Tile
          label="Open orders (backlog)"
          value={data.backlog}
          to="/orders"
          hint="Confirmed to packed, not yet shipped"
        />
        <Tile
          label="Backordered lines"
          value={data.backorderLines}
          to="/orders?status=backordered"
          hint="Waiting for stock"
        />
        <Tile
          label="Orders in waves"
          value={data.released}
          to="/warehouse"
          hint="Released or being picked"
        />
        <Tile
          label="Lots expiring in 30 days"
          value={data.expiring.length}
          to="/inventory"
          hint="Lots with stock on hand"
        />
        <Tile
          label="Stock-outs"
          value={data.stockOuts.length}
          to="/inventory"
          hint="SKUs with nothing available"
        />
      </div>
      <div className="charts">
        <TrendChart
          title="Orders per day (14 days)"
          x={x}
          series={orders}
          summary={`${total} orders in 14 days`}
        />
        <TrendChart
          title="Order value per day"
          x={x}
          series={value}
          summary={`${money(totalValue)} in 14 days`}
        />
      </div>
      {data.kpis ? (
        <KpiCards report={data.kpis} />
      ) : (
        <p className="muted">Service-level KPIs are not available from the server right now.</p>
      )}
      <h2>Stock-outs</h2>
      {data.stockOuts.length === 0 ? (
        <p className="empty">No SKU is out of stock.</p>
      ) : (
        <ul>
          {data.stockOuts.slice(0, 10).map((s) => (
            <li key={s.skuId}>
              {s.skuCode}: {s.available} available, {s.allocated} allocated
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Tile(props: { label: string; value: number; to: string; hint: string }) {
  return (
    <Link className="tile" to={props.to} aria-label={`${props.label}: ${props.value}`}>
      <span className="tile-value">{props.value}</span>
      <span className="tile-label">{props.label}</span>
      <span className="tile-hint">{props.hint}</span>
    </Link>
  );
}

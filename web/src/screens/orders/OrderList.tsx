import { useState } from 'react';
import { Link } from 'react-router';
import { get, type Page } from '../../api/client';
import { useSession } from '../../api/session';
import type { Order } from '../../api/types';
import { DataTable, type Column } from '../../ui/DataTable';
import { dateTime, money } from '../../ui/format';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi } from '../../ui/useApi';
import { useNames } from '../../ui/useNames';
import { StatusChip } from '../../ui/StatusChip';

const STATUSES = [
  '',
  'draft',
  'confirmed',
  'allocated',
  'backordered',
  'on_hold',
  'released',
  'picking',
  'packed',
  'shipped',
  'cancelled',
];

/** The list's columns; customers by account and name once their names have come. */
const columnsFor = (customers: Map<number, string>): Column<Order>[] => [
  {
    key: 'number',
    header: 'Order',
    value: (o) => o.id,
    render: (o) => (
      <Link className="nowrap" to={`/orders/${o.id}`}>
        {o.orderNumber}
      </Link>
    ),
  },
  {
    key: 'customer',
    header: 'Customer',
    value: (o) => customers.get(o.customerId) ?? o.customerId,
  },
  { key: 'po', header: 'Customer PO', value: (o) => o.customerPo },
  {
    key: 'status',
    header: 'Status',
    value: (o) => o.status,
    render: (o) => <StatusChip status={o.status} />,
  },
  {
    key: 'total',
    header: 'Total',
    value: (o) => o.totalMinor,
    render: (o) => money(o.totalMinor, o.currency),
    numeric: true,
  },
  {
    key: 'created',
    header: 'Placed',
    value: (o) => o.createdAt,
    render: (o) => dateTime(o.createdAt),
  },
];

/** Orders newest first, filtered on the server by status and customer PO; pages by cursor. */
export function OrderList() {
  const [status, setStatus] = useState('');
  const [po, setPo] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useApi(
    () => get<Page<Order>>('/orders', { status, customerPo: po, cursor, limit: 100 }),
    `${status}|${po}|${cursor ?? ''}`,
  );
  const { user } = useSession();
  const customers = useNames(
    'customers',
    (page.data?.items ?? []).map((o) => o.customerId),
  );
  const filtered = (changed: () => void) => {
    changed();
    setCursors([]);
  };

  return (
    <section aria-labelledby="orders-title">
      <div className="page-head">
        <h1 id="orders-title">Orders</h1>
        {user?.role !== 'customer' && (
          <a className="button" href="/api/v1/exports/orders?format=csv" download>
            Export CSV
          </a>
        )}
        <Link className="button primary" to="/orders/new">
          New order
        </Link>
      </div>
      <div className="filters" role="search">
        <label>
          Status
          <select value={status} onChange={(e) => filtered(() => setStatus(e.target.value))}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s || 'Any'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer PO
          <input type="search" value={po} onChange={(e) => filtered(() => setPo(e.target.value))} />
        </label>
      </div>
      <ProblemBox problem={page.problem} />
      <DataTable
        caption="Orders"
        columns={columnsFor(customers)}
        rows={page.data?.items ?? []}
        rowKey={(o) => o.id}
        loading={page.loading}
        empty={
          <p>
            No orders match. Clear the filters or <Link to="/orders/new">place an order</Link>.
          </p>
        }
      />
      <nav className="pager" aria-label="Order pages">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          Older
        </button>
      </nav>
    </section>
  );
}

import { Link } from 'react-router';
import type { Column } from '../ui/DataTable';
import { money } from '../ui/format';
import { ResourceList } from '../ui/ResourceList';

interface Return {
  id: number;
  rmaNumber?: string;
  orderId?: number;
  status: string;
  creditMinor?: number;
  currency?: string;
}

const columns: Column<Return>[] = [
  {
    key: 'rma',
    header: 'RMA',
    value: (r) => r.rmaNumber ?? r.id,
    render: (r) => <Link to={`/returns/${r.id}`}>{r.rmaNumber ?? r.id}</Link>,
  },
  {
    key: 'order',
    header: 'Order',
    value: (r) => r.orderId ?? null,
    render: (r) =>
      r.orderId ? (
        <Link className="nowrap" to={`/orders/${r.orderId}`}>
          SO-{String(r.orderId).padStart(6, '0')}
        </Link>
      ) : (
        '—'
      ),
  },
  { key: 'status', header: 'Status', value: (r) => r.status },
  {
    key: 'credit',
    header: 'Credit',
    value: (r) => r.creditMinor ?? null,
    render: (r) => money(r.creditMinor, r.currency),
    numeric: true,
  },
];

/** Returns (RMAs) and where they stand; open one to receive, dispose and close it. */
export function Returns() {
  return (
    <section aria-labelledby="returns-title">
      <div className="page-head">
        <h1 id="returns-title">Returns</h1>
        <Link to="/returns/new" className="button">
          Authorize a return
        </Link>
      </div>
      <ResourceList
        title="Returns"
        path="/returns"
        columns={columns}
        rowKey={(r) => r.id}
        empty="No returns."
      />
    </section>
  );
}

import { Link, useSearchParams } from 'react-router';
import type { Column } from '../../ui/DataTable';
import { ResourceList } from '../../ui/ResourceList';
import { dateTime } from '../../ui/format';
import { NameOf } from '../../ui/NameOf';

interface PurchaseOrder {
  id: number;
  number: string;
  supplierId: number;
  supplierCode?: string;
  warehouseId?: number;
  status: string;
  totalMinor?: number;
  createdAt?: string;
}

interface Supplier {
  id: number;
  code: string;
  name: string;
  leadTimeDays?: number;
}

const poColumns: Column<PurchaseOrder>[] = [
  {
    key: 'id',
    header: 'PO',
    value: (p) => p.id,
    render: (p) => (
      <Link to={`/purchasing/${p.id}`} data-po-id={p.id}>
        {p.number}
      </Link>
    ),
  },
  { key: 'supplier', header: 'Supplier', value: (p) => p.supplierCode ?? p.supplierId },
  {
    key: 'wh',
    header: 'Warehouse',
    value: (p) => p.warehouseId ?? null,
    render: (p) => <NameOf kind="warehouses" id={p.warehouseId} />,
  },
  { key: 'status', header: 'Status', value: (p) => p.status },
  {
    key: 'created',
    header: 'Created',
    value: (p) => p.createdAt ?? null,
    render: (p) => dateTime(p.createdAt),
  },
];

const supplierColumns: Column<Supplier>[] = [
  { key: 'code', header: 'Code', value: (s) => s.code },
  { key: 'name', header: 'Name', value: (s) => s.name },
  { key: 'lead', header: 'Lead time (days)', value: (s) => s.leadTimeDays ?? null, numeric: true },
];

/** Purchase orders (drafts from replenishment first; open one to send, cancel or close) and suppliers. */
export function Purchasing() {
  const [params] = useSearchParams();
  const highlighted = params.get('po');
  return (
    <section aria-labelledby="purchasing-title">
      <div className="page-head">
        <h1 id="purchasing-title">Purchasing</h1>
        <Link to="/purchasing/new" className="button">
          New purchase order
        </Link>
      </div>
      {highlighted && (
        <p role="status">Purchase order {highlighted} was just created; it is in the list below.</p>
      )}
      <h2>Purchase orders</h2>
      <ResourceList
        title="Purchase orders"
        path="/purchase-orders"
        columns={poColumns}
        rowKey={(p) => p.id}
        empty="No purchase orders yet. Approve replenishment suggestions to draft some."
      />
      <h2>Suppliers</h2>
      <ResourceList
        title="Suppliers"
        path="/suppliers"
        searchParam="q"
        columns={supplierColumns}
        rowKey={(s) => s.id}
        empty="No suppliers yet."
      />
    </section>
  );
}

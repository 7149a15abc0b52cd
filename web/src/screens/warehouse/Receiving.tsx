import { useState } from 'react';
import type { Column } from '../../ui/DataTable';
import { WarehouseSelect } from '../../ui/WarehouseSelect';
import { ResourceList } from '../../ui/ResourceList';

interface MoveTask {
  id: number;
  status: string;
  skuCode?: string;
  skuId?: number;
  quantity: number;
  fromLocationCode?: string;
  toLocationCode?: string;
  suggestedLocationCode?: string;
}

interface PurchaseOrder {
  id: number;
  number: string;
  supplierId: number;
  status: string;
  expectedDate?: string | null;
}

const poColumns: Column<PurchaseOrder>[] = [
  { key: 'id', header: 'PO', value: (p) => p.number },
  { key: 'supplier', header: 'Supplier', value: (p) => p.supplierId },
  { key: 'status', header: 'Status', value: (p) => p.status },
  { key: 'expected', header: 'Expected', value: (p) => p.expectedDate ?? null },
];

const taskColumns: Column<MoveTask>[] = [
  { key: 'id', header: 'Task', value: (t) => t.id },
  { key: 'sku', header: 'SKU', value: (t) => t.skuCode ?? t.skuId ?? null },
  { key: 'qty', header: 'Quantity', value: (t) => t.quantity, numeric: true },
  { key: 'from', header: 'From', value: (t) => t.fromLocationCode ?? null },
  {
    key: 'to',
    header: 'Put to',
    value: (t) => t.toLocationCode ?? t.suggestedLocationCode ?? null,
  },
  { key: 'status', header: 'Status', value: (t) => t.status },
];

/** Receiving against purchase orders, and the put-away tasks that follow. */
export function Receiving() {
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  return (
    <section className="handheld" aria-labelledby="recv-title">
      <h1 id="recv-title">Receive and put away</h1>
      <WarehouseSelect value={warehouseId} onChange={setWarehouseId} />
      <h2>Purchase orders to receive</h2>
      <ResourceList
        title="Open purchase orders"
        path="/purchase-orders"
        filters={{ status: 'sent', warehouseId }}
        columns={poColumns}
        rowKey={(p) => p.id}
        empty="Nothing expected."
      />
      <h2>Put-away tasks</h2>
      {warehouseId !== null && (
        <ResourceList
          title="Put-away tasks"
          path="/move-tasks"
          filters={{ status: 'open', kind: 'putaway', warehouseId }}
          columns={taskColumns}
          rowKey={(t) => t.id}
          empty="Nothing to put away."
        />
      )}
    </section>
  );
}

import { useState } from 'react';
import { get, type Page } from '../../api/client';
import type { Sku, StockRow } from '../../api/types';
import { DataTable, type Column } from '../../ui/DataTable';
import { dateTime, day } from '../../ui/format';
import { NameOf } from '../../ui/NameOf';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi } from '../../ui/useApi';
import { SkuPicker } from '../orders/SkuPicker';
import { StockForms } from './StockForms';

interface Movement {
  id: number;
  lotCode: string | null;
  fromLocationCode: string;
  toLocationCode: string;
  quantity: number;
  type: string;
  reasonCode: string | null;
  actor: string;
  createdAt: string;
}

type GroupBy = 'warehouse' | 'location' | 'lot';

const stockColumns: Column<StockRow>[] = [
  {
    key: 'wh',
    header: 'Warehouse',
    value: (r) => r.warehouseId,
    render: (r) => <NameOf kind="warehouses" id={r.warehouseId} />,
  },
  { key: 'loc', header: 'Location', value: (r) => r.locationCode },
  { key: 'lot', header: 'Lot', value: (r) => r.lotCode },
  { key: 'exp', header: 'Expiry', value: (r) => r.expiryDate, render: (r) => day(r.expiryDate) },
  { key: 'onHand', header: 'On hand', value: (r) => r.onHand, numeric: true },
  { key: 'allocated', header: 'Allocated', value: (r) => r.allocated, numeric: true },
  { key: 'available', header: 'Available', value: (r) => r.available, numeric: true },
  // Past its lot's expiry on a sellable shelf, until the expiry sweep quarantines it.
  { key: 'expired', header: 'Expired', value: (r) => r.expired, numeric: true },
  { key: 'q', header: 'Quarantined', value: (r) => r.quarantined, numeric: true },
  { key: 'd', header: 'Damaged', value: (r) => r.damaged, numeric: true },
  { key: 't', header: 'In transit', value: (r) => r.inTransit, numeric: true },
];

const movementColumns: Column<Movement>[] = [
  { key: 'at', header: 'When', value: (m) => m.createdAt, render: (m) => dateTime(m.createdAt) },
  { key: 'type', header: 'Type', value: (m) => m.type },
  { key: 'from', header: 'From', value: (m) => m.fromLocationCode },
  { key: 'to', header: 'To', value: (m) => m.toLocationCode },
  { key: 'lot', header: 'Lot', value: (m) => m.lotCode },
  { key: 'qty', header: 'Quantity', value: (m) => m.quantity, numeric: true },
  { key: 'reason', header: 'Reason', value: (m) => m.reasonCode },
  { key: 'actor', header: 'By', value: (m) => m.actor },
];

/** Stock of one SKU by warehouse, location or lot; its movement history; stock commands. */
export function Inventory() {
  const [sku, setSku] = useState<Sku | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('location');
  const [tick, setTick] = useState(0);
  const key = `${sku?.id ?? ''}|${groupBy}|${tick}`;
  const stock = useApi(
    () =>
      sku
        ? get<Page<StockRow>>('/stock', { skuId: sku.id, groupBy, limit: 500 })
        : Promise.resolve(null),
    key,
  );
  const moves = useApi(
    () =>
      sku
        ? get<Page<Movement>>('/stock/movements', { skuId: sku.id, limit: 100 })
        : Promise.resolve(null),
    key,
  );

  return (
    <section aria-labelledby="inv-title">
      <h1 id="inv-title">Inventory</h1>
      {sku ? (
        <p>
          <strong>{sku.code}</strong> {sku.name}{' '}
          <button type="button" className="link" onClick={() => setSku(null)}>
            Other SKU
          </button>
        </p>
      ) : (
        <SkuPicker verb="Find" onPick={(s) => setSku(s)} />
      )}
      {!sku && <p className="empty">Find a SKU to see its stock, lots and movements.</p>}
      {sku && (
        <>
          <label>
            Stock by
            <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
              <option value="warehouse">warehouse</option>
              <option value="location">location</option>
              <option value="lot">lot (recall view)</option>
            </select>
          </label>
          <ProblemBox problem={stock.problem} />
          <DataTable
            caption={`Stock of ${sku.code}`}
            columns={stockColumns}
            rows={stock.data?.items ?? []}
            rowKey={(r) => `${r.warehouseId}-${r.locationId}-${r.lotId}`}
            loading={stock.loading}
            empty={<p>No stock of this SKU anywhere.</p>}
          />
          <StockForms skuId={sku.id} onDone={() => setTick(tick + 1)} />
          <h2>Movements</h2>
          <ProblemBox problem={moves.problem} />
          <DataTable
            caption={`Movements of ${sku.code}`}
            columns={movementColumns}
            rows={moves.data?.items ?? []}
            rowKey={(m) => m.id}
            loading={moves.loading}
            empty={<p>No movements yet.</p>}
          />
        </>
      )}
    </section>
  );
}

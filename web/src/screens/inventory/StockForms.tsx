import { useState, type FormEvent } from 'react';
import { get, post, type Page } from '../../api/client';
import type { Warehouse } from '../../api/types';
import { findBin } from '../../ui/find-bin';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import { WarehouseSelect } from '../../ui/WarehouseSelect';

const REASONS = [
  'count',
  'damaged',
  'expired',
  'found',
  'lost',
  'theft',
  'sample',
  'correction',
  'opening_balance',
];
type Kind = 'adjust' | 'move' | 'transfer' | 'quarantine';

interface Props {
  skuId: number;
  onDone: () => void;
}

/**
 * The four stock commands for one SKU: adjust (signed, with a reason), move between bins,
 * transfer to another warehouse, and quarantine. Each is one movement in the ledger.
 */
export function StockForms({ skuId, onDone }: Props) {
  const [kind, setKind] = useState<Kind>('adjust');
  const [f, setF] = useState({
    from: '',
    to: '',
    quantity: 1,
    delta: 1,
    reason: 'count',
    lot: '',
    warehouse: '',
    note: '',
  });
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const warehouses = useApi(
    () => get<Page<Warehouse>>('/warehouses', { limit: 100 }),
    'warehouses',
  );
  const command = useCommand();
  const [done, setDone] = useState('');
  const lot = f.lot.trim() ? { lotCode: f.lot.trim() } : {};
  const bin = (text: string) => findBin(warehouseId ?? 0, text);

  // Bins are scanned or typed by code and looked up in the chosen warehouse before posting.
  const bodies: Record<Kind, () => Promise<[string, object]>> = {
    adjust: async () => [
      '/stock/adjustments',
      {
        skuId,
        locationId: await bin(f.from),
        delta: f.delta,
        reasonCode: f.reason,
        ...lot,
        ...(f.note ? { note: f.note } : {}),
      },
    ],
    move: async () => [
      '/stock/moves',
      {
        skuId,
        fromLocationId: await bin(f.from),
        toLocationId: await bin(f.to),
        quantity: f.quantity,
        ...lot,
      },
    ],
    transfer: async () => [
      '/transfers',
      {
        skuId,
        fromLocationId: await bin(f.from),
        toWarehouseId: Number(f.warehouse),
        quantity: f.quantity,
        ...lot,
      },
    ],
    quarantine: async () => [
      '/stock/status-changes',
      {
        skuId,
        fromLocationId: await bin(f.from),
        quantity: f.quantity,
        status: 'quarantine',
        ...lot,
      },
    ],
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await command.run(async () => {
      const [path, body] = await bodies[kind]();
      return post(path, body);
    });
    if (result !== undefined) {
      setDone(`${kind} recorded.`);
      onDone();
    }
  };

  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({
      ...f,
      [k]: ['quantity', 'delta'].includes(k) ? Number(e.target.value) : e.target.value,
    });

  return (
    <form
      className="stock-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="stock-form-title"
    >
      <h2 id="stock-form-title">Change stock</h2>
      <div role="radiogroup" aria-label="Command" className="segmented">
        {(['adjust', 'move', 'transfer', 'quarantine'] as Kind[]).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {k}
          </label>
        ))}
      </div>
      <WarehouseSelect value={warehouseId} onChange={setWarehouseId} />
      <label>
        {kind === 'adjust' ? 'Bin (scan or code)' : 'From bin (scan or code)'}
        <input required autoComplete="off" value={f.from} onChange={set('from')} />
      </label>
      {kind === 'move' && (
        <label>
          To bin (scan or code)
          <input required autoComplete="off" value={f.to} onChange={set('to')} />
        </label>
      )}
      {kind === 'transfer' && (
        <label>
          To warehouse
          <select required value={f.warehouse} onChange={set('warehouse')}>
            <option value="">Choose…</option>
            {(warehouses.data?.items ?? [])
              .filter((w) => w.id !== warehouseId)
              .map((w) => (
                <option key={w.id} value={w.id}>
                  {w.code} {w.name}
                </option>
              ))}
          </select>
        </label>
      )}
      {kind === 'adjust' ? (
        <>
          <label>
            Change (+ found, − lost)
            <input type="number" required value={f.delta} onChange={set('delta')} />
          </label>
          <label>
            Reason
            <select value={f.reason} onChange={set('reason')}>
              {REASONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            Note
            <input value={f.note} onChange={set('note')} maxLength={500} />
          </label>
        </>
      ) : (
        <label>
          Quantity (base units)
          <input type="number" min={1} required value={f.quantity} onChange={set('quantity')} />
        </label>
      )}
      <label>
        Lot (if lot-tracked)
        <input value={f.lot} onChange={set('lot')} />
      </label>
      <ProblemBox problem={command.problem} />
      {done && !command.problem && <p role="status">{done}</p>}
      <button type="submit" className="primary" disabled={command.busy}>
        Record {kind}
      </button>
    </form>
  );
}

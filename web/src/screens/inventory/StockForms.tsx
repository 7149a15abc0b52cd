import { useState, type FormEvent } from 'react';
import { post } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';

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
  const command = useCommand();
  const [done, setDone] = useState('');
  const lot = f.lot.trim() ? { lotCode: f.lot.trim() } : {};

  const bodies: Record<Kind, () => [string, object]> = {
    adjust: () => [
      '/stock/adjustments',
      {
        skuId,
        locationId: Number(f.from),
        delta: f.delta,
        reasonCode: f.reason,
        ...lot,
        ...(f.note ? { note: f.note } : {}),
      },
    ],
    move: () => [
      '/stock/moves',
      {
        skuId,
        fromLocationId: Number(f.from),
        toLocationId: Number(f.to),
        quantity: f.quantity,
        ...lot,
      },
    ],
    transfer: () => [
      '/transfers',
      {
        skuId,
        fromLocationId: Number(f.from),
        toWarehouseId: Number(f.warehouse),
        quantity: f.quantity,
        ...lot,
      },
    ],
    quarantine: () => [
      '/stock/status-changes',
      { skuId, fromLocationId: Number(f.from), quantity: f.quantity, status: 'quarantine', ...lot },
    ],
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [path, body] = bodies[kind]();
    const result = await command.run(() => post(path, body));
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
      <label>
        {kind === 'adjust' ? 'Location id' : 'From location id'}
        <input required inputMode="numeric" value={f.from} onChange={set('from')} />
      </label>
      {kind === 'move' && (
        <label>
          To location id
          <input required inputMode="numeric" value={f.to} onChange={set('to')} />
        </label>
      )}
      {kind === 'transfer' && (
        <label>
          To warehouse id
          <input required inputMode="numeric" value={f.warehouse} onChange={set('warehouse')} />
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

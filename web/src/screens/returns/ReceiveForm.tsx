import { useState, type FormEvent } from 'react';
import { post } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';
import type { ReturnDetail } from './return-types';

/**
 * Book what arrived, per line (defaults to what was authorized; 0 for nothing came), with the
 * lot printed on the goods for lot-tracked SKUs. The credit follows what was received.
 */
export function ReceiveForm({ rma, onDone }: { rma: ReturnDetail; onDone: () => void }) {
  const [rows, setRows] = useState(
    rma.lines.map((l) => ({ id: l.id, quantity: String(l.quantityAuthorized), lot: '' })),
  );
  const command = useCommand();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lines = rows.map((r) => ({
      returnLineId: r.id,
      quantity: Number(r.quantity),
      ...(r.lot.trim() ? { lotCode: r.lot.trim() } : {}),
    }));
    if ((await command.run(() => post(`/returns/${rma.id}/receive`, { lines }))) !== undefined)
      onDone();
  };
  const set = (i: number, key: 'quantity' | 'lot', value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <form className="stock-form" aria-label="Receive return" onSubmit={(e) => void submit(e)}>
      <h2>Receive</h2>
      {rma.lines.map((l, i) => (
        <fieldset key={l.id}>
          <legend>
            {l.skuCode} (authorized {l.quantityAuthorized})
          </legend>
          <label>
            Received of {l.skuCode}
            <input
              type="number"
              min={0}
              required
              value={rows[i]?.quantity ?? ''}
              onChange={(e) => set(i, 'quantity', e.target.value)}
            />
          </label>
          <label>
            Lot of {l.skuCode} (if lot-tracked)
            <input value={rows[i]?.lot ?? ''} onChange={(e) => set(i, 'lot', e.target.value)} />
          </label>
        </fieldset>
      ))}
      <ProblemBox problem={command.problem} />
      <button type="submit" className="primary" disabled={command.busy}>
        Receive return
      </button>
    </form>
  );
}

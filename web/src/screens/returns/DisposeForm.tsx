import { useState, type FormEvent } from 'react';
import { get, post, type Page } from '../../api/client';
import { findBin } from '../../ui/find-bin';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';
import {
  DISPOSITIONS,
  NEEDS_BIN,
  label,
  type Disposition,
  type ReturnDetail,
} from './return-types';

interface Props {
  rma: ReturnDetail;
  /** The order's warehouse, where bins named by code are looked up. */
  warehouseId: number | null;
  onDone: () => void;
}

/**
 * Decide each received line: restock (to a named bin), quarantine or damaged (a bin of that
 * type, or the warehouse's standard one), or return to vendor. Bins are typed by code, as
 * written on the rack, and looked up in the order's warehouse.
 */
export function DisposeForm({ rma, warehouseId, onDone }: Props) {
  const open = rma.lines.filter((l) => l.quantityReceived > 0 && !l.disposition);
  const [rows, setRows] = useState<Record<number, { disposition: Disposition; bin: string }>>({});
  const command = useCommand();
  const rowOf = (id: number) => rows[id] ?? { disposition: 'restock' as Disposition, bin: '' };

  const binId = async (code: string): Promise<number> => {
    const warehouse =
      warehouseId ?? (await get<Page<{ id: number }>>('/warehouses', { limit: 1 })).items[0]?.id;
    return findBin(warehouse ?? 0, code);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await command.run(async () => {
      const lines = [];
      for (const l of open) {
        const { disposition, bin } = rowOf(l.id);
        const code = bin.trim();
        const place =
          NEEDS_BIN[disposition] !== 'none' && code ? { locationId: await binId(code) } : {};
        lines.push({ returnLineId: l.id, disposition, ...place });
      }
      return post(`/returns/${rma.id}/dispose`, { lines });
    });
    if (done !== undefined) onDone();
  };

  if (open.length === 0)
    return <p role="status">Every received line is disposed: close the return.</p>;
  return (
    <form className="stock-form" aria-label="Dispose return" onSubmit={(e) => void submit(e)}>
      <h2>Dispose</h2>
      {open.map((l) => {
        const row = rowOf(l.id);
        const set = (patch: Partial<typeof row>) =>
          setRows({ ...rows, [l.id]: { ...row, ...patch } });
        return (
          <fieldset key={l.id}>
            <legend>
              {l.skuCode}: {l.quantityReceived} received
            </legend>
            <label>
              Disposition of {l.skuCode}
              <select
                value={row.disposition}
                onChange={(e) => set({ disposition: e.target.value as Disposition })}
              >
                {DISPOSITIONS.map((d) => (
                  <option key={d} value={d}>
                    {label(d)}
                  </option>
                ))}
              </select>
            </label>
            {NEEDS_BIN[row.disposition] !== 'none' && (
              <label>
                Bin for {l.skuCode}
                {NEEDS_BIN[row.disposition] === 'optional' ? ' (optional)' : ''}
                <input
                  required={NEEDS_BIN[row.disposition] === 'required'}
                  value={row.bin}
                  onChange={(e) => set({ bin: e.target.value })}
                />
              </label>
            )}
          </fieldset>
        );
      })}
      <ProblemBox problem={command.problem} />
      <button type="submit" className="primary" disabled={command.busy}>
        Dispose lines
      </button>
    </form>
  );
}

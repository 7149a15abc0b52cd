import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { get, post, type Page } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { WarehouseSelect } from '../../ui/WarehouseSelect';
import { useApi, useCommand } from '../../ui/useApi';
import { SkuPicker } from '../orders/SkuPicker';
import { toMinor } from '../customers/customer-draft';

interface Supplier {
  id: number;
  code: string;
  name: string;
}

interface DraftLine {
  skuId: number;
  code: string;
  quantity: string;
  /** Empty: the supplier's cost for the SKU. */
  unitCost: string;
}

/** Draft a PO by hand: supplier, receiving warehouse, lines (eaches, optional unit cost). */
export function PoCreate() {
  const navigate = useNavigate();
  const suppliers = useApi(() => get<Page<Supplier>>('/suppliers', { limit: 100 }), 'suppliers');
  const [supplierId, setSupplierId] = useState('');
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [expectedDate, setExpectedDate] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const command = useCommand();

  const setLine = (i: number, patch: Partial<DraftLine>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      supplierId: Number(supplierId),
      warehouseId,
      ...(expectedDate ? { expectedDate } : {}),
      lines: lines.map((l) => {
        const cost = toMinor(l.unitCost);
        return {
          skuId: l.skuId,
          quantity: Number(l.quantity),
          ...(cost === null ? {} : { unitCostMinor: cost }),
        };
      }),
    };
    const made = await command.run(() => post<{ id: number }>('/purchase-orders', body));
    if (made) void navigate(`/purchasing/${made.id}`);
  };

  return (
    <section aria-labelledby="po-new-title">
      <div className="page-head">
        <h1 id="po-new-title">New purchase order</h1>
        <Link to="/purchasing">All purchase orders</Link>
      </div>
      <form className="stock-form" aria-label="Purchase order" onSubmit={(e) => void submit(e)}>
        <label>
          Supplier
          <select required value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
            <option value="">Choose a supplier</option>
            {(suppliers.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} {s.name}
              </option>
            ))}
          </select>
        </label>
        <WarehouseSelect value={warehouseId} onChange={setWarehouseId} />
        <label>
          Expected date (empty: today + lead time)
          <input
            type="date"
            value={expectedDate}
            onChange={(e) => setExpectedDate(e.target.value)}
          />
        </label>
        <SkuPicker
          onPick={(sku) =>
            setLines([...lines, { skuId: sku.id, code: sku.code, quantity: '1', unitCost: '' }])
          }
        />
        {lines.map((l, i) => (
          <fieldset key={`${l.skuId}-${i}`}>
            <legend>
              Line {i + 1}: {l.code}
            </legend>
            <label>
              Quantity of line {i + 1} (eaches)
              <input
                type="number"
                min={1}
                required
                value={l.quantity}
                onChange={(e) => setLine(i, { quantity: e.target.value })}
              />
            </label>
            <label>
              Unit cost of line {i + 1} (empty: supplier cost)
              <input
                inputMode="decimal"
                value={l.unitCost}
                onChange={(e) => setLine(i, { unitCost: e.target.value })}
              />
            </label>
            <button type="button" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
              Remove line {i + 1}
            </button>
          </fieldset>
        ))}
        <ProblemBox problem={command.problem ?? suppliers.problem} />
        <button type="submit" className="primary" disabled={command.busy}>
          Create draft PO
        </button>
      </form>
    </section>
  );
}

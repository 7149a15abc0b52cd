import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import { approve, bySupplier, openSuggestions, type Suggestion } from './planning-api';
import { RunButton } from './RunButton';
import { SkuPlan } from './SkuPlan';

/** Replenishment: suggestions by supplier with their reasons; approve some → draft POs. */
export function Planning() {
  const suggestions = useApi(openSuggestions, 'open');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [made, setMade] = useState<{ id: number; number: string }[] | null>(null);
  const [focus, setFocus] = useState<Suggestion | null>(null);
  const command = useCommand();

  const toggle = (id: number) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  const approveChosen = async () => {
    const orders = await command.run(() => approve([...chosen], quantities));
    if (orders !== undefined) {
      setMade(orders);
      setChosen(new Set());
      suggestions.reload();
    }
  };

  const groups = bySupplier(suggestions.data ?? []);
  return (
    <section aria-labelledby="planning-title">
      <div className="page-head">
        <h1 id="planning-title">Replenishment</h1>
        <RunButton onDone={suggestions.reload} />
      </div>
      <ProblemBox problem={suggestions.problem} />
      {made && (
        <div className="feedback feedback-success" role="status" data-testid="po-created">
          Purchase order{made.length === 1 ? '' : 's'} created:{' '}
          {made.map((po) => (
            <Link key={po.id} to={`/purchasing?po=${po.id}`}>
              {po.number}{' '}
            </Link>
          ))}
        </div>
      )}
      {!suggestions.loading && !suggestions.problem && groups.length === 0 && (
        <p className="empty">No open suggestions. Run replenishment to compute new ones.</p>
      )}
      {groups.map((g) => (
        <fieldset key={g.supplierId} className="supplier-group">
          <legend>{g.label}</legend>
          <table>
            <caption className="sr-only">Suggestions for {g.label}</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">SKU</th>
                <th scope="col" className="num">
                  Available
                </th>
                <th scope="col" className="num">
                  On order
                </th>
                <th scope="col" className="num">
                  Safety stock
                </th>
                <th scope="col" className="num">
                  Reorder point
                </th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col">Stock-out</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {g.suggestions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Order ${s.skuCode ?? s.skuId}`}
                      checked={chosen.has(s.id)}
                      onChange={() => toggle(s.id)}
                    />
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => setFocus(s)}>
                      {s.skuCode ?? `SKU ${s.skuId}`}
                    </button>
                  </td>
                  <td className="num">{s.available ?? '—'}</td>
                  <td className="num">{s.onOrder ?? '—'}</td>
                  <td className="num">{s.safetyStock ?? '—'}</td>
                  <td className="num">{s.reorderPoint ?? '—'}</td>
                  <td className="num">
                    <input
                      type="number"
                      min={1}
                      aria-label={`Quantity of ${s.skuCode ?? s.skuId}`}
                      value={quantities[s.id] ?? s.quantity}
                      onChange={(e) =>
                        setQuantities({ ...quantities, [s.id]: Number(e.target.value) })
                      }
                    />
                  </td>
                  <td>{s.stockoutDate ?? '—'}</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      ))}
      <ProblemBox problem={command.problem} />
      {groups.length > 0 && (
        <button
          type="button"
          className="primary"
          disabled={chosen.size === 0 || command.busy}
          onClick={() => void approveChosen()}
        >
          Approve {chosen.size} → purchase orders
        </button>
      )}
      {focus && (
        <SkuPlan
          skuId={focus.skuId}
          warehouseId={focus.warehouseId}
          label={focus.skuCode ?? `SKU ${focus.skuId}`}
        />
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, post } from '../../api/client';
import type { OrderDetail } from '../../api/types';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import { useNames } from '../../ui/useNames';
import { RETURN_REASONS, label } from './return-types';

/**
 * Authorize an RMA: choose a shipped order, say how many of each shipped line come back and
 * why. The server checks each quantity against what shipped less what other RMAs hold.
 */
export function ReturnCreate() {
  const [params, setParams] = useSearchParams();
  const orderId = Number(params.get('orderId') ?? 0);
  const [typed, setTyped] = useState(orderId ? String(orderId) : '');
  return (
    <section aria-labelledby="return-new-title">
      <div className="page-head">
        <h1 id="return-new-title">Authorize a return</h1>
        <Link to="/returns">All returns</Link>
      </div>
      <form
        className="inline-form"
        aria-label="Find order"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ orderId: typed.trim() });
        }}
      >
        <label>
          Order id
          <input
            required
            inputMode="numeric"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button type="submit">Show shipped lines</button>
      </form>
      {orderId > 0 && <ReturnLinesForm key={orderId} orderId={orderId} />}
    </section>
  );
}

function ReturnLinesForm({ orderId }: { orderId: number }) {
  const navigate = useNavigate();
  const order = useApi(() => get<OrderDetail>(`/orders/${orderId}`), `order-${orderId}`);
  const shipped = (order.data?.lines ?? []).filter((l) => (l.quantityShipped ?? 0) > 0);
  const skus = useNames(
    'skus',
    shipped.map((l) => l.skuId),
  );
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [reason, setReason] = useState<string>('not_wanted');
  const [notes, setNotes] = useState('');
  const command = useCommand();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lines = shipped
      .map((l) => ({ orderLineId: l.id, quantity: Number(quantities[l.id] ?? 0) }))
      .filter((l) => l.quantity > 0);
    const body = { orderId, reason, lines, ...(notes.trim() ? { notes: notes.trim() } : {}) };
    const made = await command.run(() => post<{ id: number }>('/returns', body));
    if (made) void navigate(`/returns/${made.id}`);
  };

  if (!order.data) return <ProblemBox problem={order.problem} />;
  if (shipped.length === 0)
    return <p className="empty">Order {order.data.orderNumber} has shipped nothing yet.</p>;
  return (
    <form className="stock-form" aria-label="Return lines" onSubmit={(e) => void submit(e)}>
      <h2>Order {order.data.orderNumber}</h2>
      <table>
        <caption className="sr-only">Shipped lines</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">SKU</th>
            <th scope="col" className="num">
              Shipped
            </th>
            <th scope="col" className="num">
              Returning
            </th>
          </tr>
        </thead>
        <tbody>
          {shipped.map((l) => (
            <tr key={l.id}>
              <td>{l.lineNumber}</td>
              <td>{skus.get(l.skuId) ?? l.skuId}</td>
              <td className="num">{l.quantityShipped}</td>
              <td className="num">
                <input
                  type="number"
                  min={0}
                  max={l.quantityShipped}
                  aria-label={`Quantity returning of line ${l.lineNumber}`}
                  value={quantities[l.id] ?? '0'}
                  onChange={(e) => setQuantities({ ...quantities, [l.id]: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        Reason
        <select value={reason} onChange={(e) => setReason(e.target.value)}>
          {RETURN_REASONS.map((r) => (
            <option key={r} value={r}>
              {label(r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Notes
        <input maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <ProblemBox problem={command.problem} />
      <button type="submit" className="primary" disabled={command.busy}>
        Authorize return
      </button>
    </form>
  );
}

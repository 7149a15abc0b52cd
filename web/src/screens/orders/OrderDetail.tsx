import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, post } from '../../api/client';
import type { OrderDetail as Detail } from '../../api/types';
import { dateTime, money } from '../../ui/format';
import { ProblemBox } from '../../ui/ProblemBox';
import { StatusChip } from '../../ui/StatusChip';
import { useApi, useCommand } from '../../ui/useApi';
import { useNames } from '../../ui/useNames';
import { orderActions } from '../../../../src/core/orders/order-actions';
import { OrderLines } from './OrderLines';
import type { ApiBody } from '../../api/types';

type Shipment = ApiBody<'/api/v1/orders/{id}/shipments', 'get'>[number];

/** One order: lines with every quantity, reservations by bin and lot, shipments, timeline. */
export function OrderDetail() {
  const id = Number(useParams().id);
  const order = useApi(() => get<Detail>(`/orders/${id}`), String(id));
  const shipments = useApi(
    () => get<{ items: Shipment[] } | Shipment[]>(`/orders/${id}/shipments`),
    String(id),
  );
  const command = useCommand();
  const [reason, setReason] = useState('');
  const customers = useNames('customers', order.data ? [order.data.customerId] : []);
  const act = (path: string, body: object = {}) =>
    void command.run(() => post(`/orders/${id}/${path}`, body)).then(order.reload);

  if (!order.data) {
    return (
      <section>
        <h1>Order {id}</h1>
        <ProblemBox problem={order.problem} />
        {order.loading && <p>Loading…</p>}
      </section>
    );
  }
  const o = order.data;
  // Only what the status allows, from the server's own transition table.
  const allowed = new Set(orderActions(o.status));
  const shipmentRows = Array.isArray(shipments.data)
    ? shipments.data
    : (shipments.data?.items ?? []);
  return (
    <section aria-labelledby="order-title">
      <div className="page-head">
        <h1 id="order-title">
          Order {o.orderNumber} <StatusChip status={o.status} />
        </h1>
        <Link to="/orders">All orders</Link>
      </div>
      <dl className="facts">
        <dt>Customer</dt>
        <dd data-testid="order-customer">{customers.get(o.customerId) ?? o.customerId}</dd>
        <dt>Customer PO</dt>
        <dd>{o.customerPo ?? '—'}</dd>
        <dt>Total</dt>
        <dd>{money(o.totalMinor, o.currency)}</dd>
        <dt>Placed</dt>
        <dd>{dateTime(o.createdAt)}</dd>
        {o.holdReason && (
          <>
            <dt>Hold</dt>
            <dd>{o.holdReason}</dd>
          </>
        )}
      </dl>
      <div className="actions" role="group" aria-label="Order actions">
        {allowed.has('confirm') && (
          <button type="button" onClick={() => act('confirm')} disabled={command.busy}>
            Confirm
          </button>
        )}
        {allowed.has('release') && (
          <button type="button" onClick={() => act('release')} disabled={command.busy}>
            Release to warehouse
          </button>
        )}
        <a
          className="button"
          href={`/api/v1/orders/${id}/packing-slip.pdf`}
          target="_blank"
          rel="noreferrer"
        >
          Packing slip
        </a>
        {o.lines.some((l) => (l.quantityShipped ?? 0) > 0) && (
          <Link className="button" to={`/returns/new?orderId=${id}`}>
            Authorize return
          </Link>
        )}
      </div>
      <ProblemBox problem={command.problem} />
      <OrderLines order={o} editable={allowed.has('edit')} onChanged={order.reload} />

      <h2>Allocations by bin and lot</h2>
      {o.allocations.length === 0 ? (
        <p className="empty">Nothing reserved for this order.</p>
      ) : (
        <table>
          <caption className="sr-only">Allocations</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Bin</th>
              <th scope="col">Lot</th>
              <th scope="col">Expiry</th>
              <th scope="col" className="num">
                Reserved
              </th>
              <th scope="col" className="num">
                Still held
              </th>
            </tr>
          </thead>
          <tbody>
            {o.allocations.map((a) => (
              <tr key={a.id}>
                <td>{o.lines.find((l) => l.id === a.lineId)?.lineNumber ?? a.lineId}</td>
                <td>{a.locationCode}</td>
                <td>{a.lotCode ?? '—'}</td>
                <td>{a.expiryDate ?? '—'}</td>
                <td className="num">{a.quantity}</td>
                <td className="num">{a.remaining}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Shipments</h2>
      <ProblemBox problem={shipments.problem} />
      {shipmentRows.length === 0 ? (
        <p className="empty">Not shipped yet.</p>
      ) : (
        <ul>
          {shipmentRows.map((s) => (
            <li key={s.id}>
              Shipment {s.id}, {dateTime(s.shippedAt)}: {s.carrierCode} {s.service}
              {s.trackingNumbers.length > 0 ? `, tracking ${s.trackingNumbers.join(', ')}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h2>Timeline</h2>
      <ol className="timeline">
        {o.timeline.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{dateTime(e.at)}</time> <strong>{e.type}</strong>{' '}
            <span className="muted">by {e.actorName}</span>
          </li>
        ))}
      </ol>

      {allowed.has('cancel') && (
        <>
          <h2>Cancel order</h2>
          <div className="danger-zone">
            <label>
              Reason
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
            </label>
            <button
              type="button"
              className="danger"
              onClick={() => act('cancel', reason ? { reason } : {})}
            >
              Cancel order
            </button>
          </div>
        </>
      )}
    </section>
  );
}

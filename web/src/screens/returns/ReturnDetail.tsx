import { Link, useParams } from 'react-router';
import { get, post } from '../../api/client';
import type { Order } from '../../api/types';
import { ProblemBox } from '../../ui/ProblemBox';
import { StatusChip } from '../../ui/StatusChip';
import { dateTime, money } from '../../ui/format';
import { useApi, useCommand } from '../../ui/useApi';
import { DisposeForm } from './DisposeForm';
import { ReceiveForm } from './ReceiveForm';
import { label, type ReturnDetail as Rma } from './return-types';

/**
 * One RMA through its steps: authorized → receive what arrived → dispose each received line →
 * close (publishes the credit memo). Each step is one call; the API's refusal is shown as it is.
 */
export function ReturnDetail() {
  const id = Number(useParams().id);
  const rma = useApi(() => get<Rma>(`/returns/${id}`), `return-${id}`);
  const orderId = rma.data?.orderId;
  const order = useApi(
    () => (orderId ? get<Order>(`/orders/${orderId}`) : Promise.resolve(undefined)),
    `return-order-${orderId}`,
  );
  const command = useCommand();
  const act = async (verb: 'close' | 'cancel') => {
    if ((await command.run(() => post(`/returns/${id}/${verb}`))) !== undefined) rma.reload();
  };

  const r = rma.data;
  if (!r) {
    return (
      <section aria-labelledby="return-title">
        <h1 id="return-title">Return</h1>
        <ProblemBox problem={rma.problem} />
        {rma.loading && <p className="loading">Loading…</p>}
      </section>
    );
  }
  const currency = order.data?.currency ?? 'USD';
  return (
    <section aria-labelledby="return-title">
      <div className="page-head">
        <h1 id="return-title">
          {r.rmaNumber} <StatusChip status={r.status} />
        </h1>
        <Link to="/returns">All returns</Link>
      </div>
      <dl className="facts">
        <dt>Order</dt>
        <dd>
          <Link to={`/orders/${r.orderId}`}>{order.data?.orderNumber ?? r.orderId}</Link>
        </dd>
        <dt>Reason</dt>
        <dd>{label(r.reason)}</dd>
        <dt>Credit</dt>
        <dd data-testid="return-credit">{money(r.creditMinor, currency)}</dd>
        <dt>Authorized</dt>
        <dd>{dateTime(r.createdAt)}</dd>
        {r.notes && (
          <>
            <dt>Notes</dt>
            <dd>{r.notes}</dd>
          </>
        )}
      </dl>
      <table>
        <caption>Lines</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col" className="num">
              Authorized
            </th>
            <th scope="col" className="num">
              Received
            </th>
            <th scope="col">Lot</th>
            <th scope="col">Disposition</th>
            <th scope="col">Bin</th>
            <th scope="col" className="num">
              Credit
            </th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.skuCode}</td>
              <td className="num">{l.quantityAuthorized}</td>
              <td className="num">{l.quantityReceived}</td>
              <td>{l.lotCode ?? '—'}</td>
              <td data-testid={`disposition-${l.id}`}>
                {l.disposition ? label(l.disposition) : '—'}
              </td>
              <td>{l.locationCode ?? '—'}</td>
              <td className="num">{money(l.creditMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.status === 'authorized' && <ReceiveForm rma={r} onDone={rma.reload} />}
      {r.status === 'received' && (
        <DisposeForm rma={r} warehouseId={order.data?.warehouseId ?? null} onDone={rma.reload} />
      )}
      <div className="actions" role="group" aria-label="Return actions">
        {r.status === 'received' && (
          <button type="button" onClick={() => void act('close')} disabled={command.busy}>
            Close return
          </button>
        )}
        {r.status === 'authorized' && (
          <button type="button" onClick={() => void act('cancel')} disabled={command.busy}>
            Cancel return
          </button>
        )}
      </div>
      <ProblemBox problem={command.problem} />
    </section>
  );
}

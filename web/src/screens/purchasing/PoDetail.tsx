import { Link, useParams } from 'react-router';
import { get, post } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { StatusChip } from '../../ui/StatusChip';
import { dateTime, money } from '../../ui/format';
import { useApi, useCommand } from '../../ui/useApi';
import type { ApiBody } from '../../api/types';

type Po = ApiBody<'/api/v1/purchase-orders/{id}', 'get'>;

/** What each status may do next; the server decides again (a refusal shows its problem). */
const NEXT: Record<string, ('send' | 'cancel' | 'close')[]> = {
  draft: ['send', 'cancel'],
  sent: ['cancel'],
  partially_received: ['close'],
  received: ['close'],
};

/** One PO: lines ordered, received and open, and send / cancel / close. */
export function PoDetail() {
  const id = Number(useParams().id);
  const po = useApi(() => get<Po>(`/purchase-orders/${id}`), `po-${id}`);
  const command = useCommand();
  const act = async (verb: 'send' | 'cancel' | 'close') => {
    if ((await command.run(() => post(`/purchase-orders/${id}/${verb}`))) !== undefined)
      po.reload();
  };
  const p = po.data;
  if (!p) {
    return (
      <section aria-labelledby="po-title">
        <h1 id="po-title">Purchase order</h1>
        <ProblemBox problem={po.problem} />
        {po.loading && <p className="loading">Loading…</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby="po-title">
      <div className="page-head">
        <h1 id="po-title">
          {p.number} <StatusChip status={p.status} />
        </h1>
        <Link to="/purchasing">All purchase orders</Link>
      </div>
      <dl className="facts">
        <dt>Supplier</dt>
        <dd>{p.supplierCode ?? p.supplierId}</dd>
        <dt>Expected</dt>
        <dd>{p.expectedDate ?? '—'}</dd>
        <dt>Created</dt>
        <dd>{dateTime(p.createdAt)}</dd>
        <dt>Sent</dt>
        <dd>{dateTime(p.sentAt)}</dd>
      </dl>
      <div className="actions" role="group" aria-label="Purchase order actions">
        {(NEXT[p.status] ?? []).map((verb) => (
          <button key={verb} type="button" disabled={command.busy} onClick={() => void act(verb)}>
            {verb === 'send' ? 'Send to supplier' : verb === 'cancel' ? 'Cancel PO' : 'Close PO'}
          </button>
        ))}
      </div>
      <ProblemBox problem={command.problem} />
      <table>
        <caption>Lines</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">SKU</th>
            <th scope="col" className="num">
              Ordered
            </th>
            <th scope="col" className="num">
              Received
            </th>
            <th scope="col" className="num">
              Cancelled
            </th>
            <th scope="col" className="num">
              Open
            </th>
            <th scope="col" className="num">
              Unit cost
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {p.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.lineNumber}</td>
              <td>{l.skuCode}</td>
              <td className="num">{l.quantityOrdered}</td>
              <td className="num">{l.quantityReceived}</td>
              <td className="num">{l.quantityCancelled}</td>
              <td className="num">{l.quantityOpen}</td>
              <td className="num">{money(l.unitCostMinor, p.currency)}</td>
              <td className="num">{money(l.lineTotalMinor, p.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { Link } from 'react-router';
import { get, type Page } from '../api/client';
import { useSession } from '../api/session';
import type { Customer, Order } from '../api/types';
import { dateTime, day, money } from '../ui/format';
import { ProblemBox } from '../ui/ProblemBox';
import { StatusChip } from '../ui/StatusChip';
import { useApi } from '../ui/useApi';
import type { ApiItem } from '../api/types';

type Backorder = ApiItem<'/api/v1/backorders'>;
type Invoice = ApiItem<'/api/v1/invoices'>;
type ShipmentRow = ApiItem<'/api/v1/shipments'>;

const orderNumber = (id: number) => `SO-${String(id).padStart(6, '0')}`;
const OrderLink = ({ id }: { id: number }) => <Link to={`/orders/${id}`}>{orderNumber(id)}</Link>;

/**
 * A customer's landing page, built only from what a customer may read: its open orders, the
 * lines waiting for stock, shipments with tracking numbers, and invoices with what is owed.
 */
export function CustomerHome() {
  const { user } = useSession();
  const customerId = user?.customerId ?? 0;
  const account = useApi(() => get<Customer>(`/customers/${customerId}`), `c${customerId}`);
  const orders = useApi(() => get<Page<Order>>('/orders', { limit: 20 }), 'orders');
  const backorders = useApi(() => get<Page<Backorder>>('/backorders', { limit: 50 }), 'backorders');
  const shipments = useApi(() => get<Page<ShipmentRow>>('/shipments', { limit: 20 }), 'ship');
  const invoices = useApi(() => get<Page<Invoice>>('/invoices', { limit: 20 }), 'invoices');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{account.data ? `${account.data.name}` : 'Your account'}</h1>
      <p className="actions">
        <Link className="button primary" to="/orders/new">
          New order
        </Link>{' '}
        <Link to="/orders">All orders</Link>
      </p>

      <h2>Recent orders</h2>
      <ProblemBox problem={orders.problem} />
      {orders.data?.items.length === 0 ? (
        <p className="empty">No orders yet.</p>
      ) : (
        <table data-testid="home-orders">
          <caption className="sr-only">Recent orders</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Your PO</th>
              <th scope="col">Placed</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {(orders.data?.items ?? []).map((o) => (
              <tr key={o.id}>
                <td className="nowrap">
                  <OrderLink id={o.id} />
                </td>
                <td>{o.customerPo ?? '—'}</td>
                <td>{dateTime(o.createdAt)}</td>
                <td>
                  <StatusChip status={o.status} />
                </td>
                <td className="num">{money(o.totalMinor, o.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Waiting for stock</h2>
      <ProblemBox problem={backorders.problem} />
      {backorders.data?.items.length === 0 ? (
        <p className="empty">Nothing on backorder.</p>
      ) : (
        <ul data-testid="home-backorders">
          {(backorders.data?.items ?? []).map((b) => (
            <li key={b.lineId}>
              <OrderLink id={b.orderId} />: {b.skuCode}, {b.quantityBackordered} of{' '}
              {b.quantityOrdered} to follow
            </li>
          ))}
        </ul>
      )}

      <h2>Shipments</h2>
      <ProblemBox problem={shipments.problem} />
      {shipments.data?.items.length === 0 ? (
        <p className="empty">Nothing shipped yet.</p>
      ) : (
        <ul data-testid="home-shipments">
          {(shipments.data?.items ?? []).map((s) => (
            <li key={s.id}>
              <OrderLink id={s.orderId} /> shipped {dateTime(s.shippedAt)} by {s.carrierCode}{' '}
              {s.service}
              {s.trackingNumbers.length > 0 ? `, tracking ${s.trackingNumbers.join(', ')}` : ''}
              {s.deliveredAt ? `; delivered ${dateTime(s.deliveredAt)}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h2>Invoices</h2>
      <ProblemBox problem={invoices.problem} />
      {invoices.data?.items.length === 0 ? (
        <p className="empty">No invoices yet.</p>
      ) : (
        <table data-testid="home-invoices">
          <caption className="sr-only">Invoices</caption>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Order</th>
              <th scope="col">Due</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Still owed
              </th>
            </tr>
          </thead>
          <tbody>
            {(invoices.data?.items ?? []).map((i) => (
              <tr key={i.id}>
                <td>INV-{i.id}</td>
                <td>{i.orderId ? <OrderLink id={i.orderId} /> : '—'}</td>
                <td>{day(i.dueDate)}</td>
                <td className="num">{money(i.totalMinor, i.currency)}</td>
                <td className="num">{money(i.openMinor, i.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import type { Tx } from '../../../adapters/db/database.js';
import {
  invoiceDueDate,
  invoiceLines,
  type LineToInvoice,
} from '../../../core/fulfillment/invoice-lines.js';
import type { DomainEvent } from '../../events/outbox.js';

const INSERT_INVOICE = fixedSql(
  'invoices.insert',
  `insert into invoices
     (customer_id, order_id, currency, total_minor, paid_minor, status, issued_at, due_date)
   values (?, ?, ?, ?, 0, 'open', ?, ?) returning id`,
);

const INSERT_INVOICE_LINES = fixedSql(
  'invoice-lines.insert',
  `insert into invoice_lines (invoice_id, order_line_id, quantity, unit_price_minor, amount_minor)
   select ?, value ->> 'line', value ->> 'q', value ->> 'price', value ->> 'amount'
   from json_each(?) order by key`,
  `insert into invoice_lines (invoice_id, order_line_id, quantity, unit_price_minor, amount_minor)
   select $1, (e ->> 'line')::bigint, (e ->> 'q')::bigint, (e ->> 'price')::bigint,
          (e ->> 'amount')::bigint
   from jsonb_array_elements($2::jsonb) with ordinality as r(e, n) order by n`,
);

export interface IssuedInvoice {
  id: number;
  totalMinor: number;
  currency: string;
  dueDate: string;
}

/** The invoice and its `invoice.issued` event, for the caller's one outbox insert. */
export interface InvoiceWithEvent {
  invoice: IssuedInvoice;
  event: DomainEvent;
}

/**
 * Bills what left with a shipment: an open invoice with one line per order line shipped,
 * priced pro rata from the order (see `invoiceLines`), due after the customer's payment terms.
 * Published as `invoice.issued` for the accounting system: the event is returned, and the
 * caller writes it with the command's other events in one outbox insert.
 */
export async function issueInvoice(
  trx: Tx,
  order: { id: number; customerId: number; currency: string },
  lines: readonly LineToInvoice[],
  shippedNow: ReadonlyMap<number, number>,
  terms: { paymentTermsDays: number; shipDate: string; shipmentId: number },
  nowIso: string,
): Promise<InvoiceWithEvent> {
  const drafts = invoiceLines(lines, shippedNow);
  const totalMinor = drafts.reduce((n, d) => n + d.amountMinor, 0);
  const dueDate = invoiceDueDate(terms.shipDate, terms.paymentTermsDays);
  const [invoice] = await runSql<{ id: number }>(trx, INSERT_INVOICE, [
    order.customerId,
    order.id,
    order.currency,
    totalMinor,
    nowIso,
    dueDate,
  ]);
  if (!invoice) throw new Error(`invoice of order ${order.id} not written`);
  if (drafts.length > 0) {
    const rows = drafts.map((d) => ({
      line: d.orderLineId,
      q: d.quantity,
      price: d.unitPriceMinor,
      amount: d.amountMinor,
    }));
    await runSql(trx, INSERT_INVOICE_LINES, [invoice.id, JSON.stringify(rows)]);
  }
  const event: DomainEvent = {
    type: 'invoice.issued',
    aggregateType: 'invoice',
    aggregateId: invoice.id,
    payload: {
      invoiceId: invoice.id,
      orderId: order.id,
      customerId: order.customerId,
      shipmentId: terms.shipmentId,
      totalMinor,
      currency: order.currency,
      dueDate,
    },
  };
  return { invoice: { id: invoice.id, totalMinor, currency: order.currency, dueDate }, event };
}

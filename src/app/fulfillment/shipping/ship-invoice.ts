import type { Tx } from '../../../adapters/db/database.js';
import {
  invoiceDueDate,
  invoiceLines,
  type LineToInvoice,
} from '../../../core/fulfillment/invoice-lines.js';
import type { DomainEvent } from '../../events/outbox.js';

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
  const invoice = await trx
    .insertInto('invoices')
    .values({
      customer_id: order.customerId,
      order_id: order.id,
      currency: order.currency,
      total_minor: totalMinor,
      paid_minor: 0,
      status: 'open',
      issued_at: nowIso,
      due_date: dueDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('invoice_lines')
    .values(
      drafts.map((d) => ({
        invoice_id: invoice.id,
        order_line_id: d.orderLineId,
        quantity: d.quantity,
        unit_price_minor: d.unitPriceMinor,
        amount_minor: d.amountMinor,
      })),
    )
    .execute();
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

import type { Tx } from '../../adapters/db/database.js';
import { build810, type InvoiceLine810 } from '../../core/edi/invoice-810.js';
import { FailureError } from '../../core/shared/result.js';
import type { AppContext } from '../context.js';
import { partnerForCustomer, partnerIdsOf, type OutboundDocument } from './outbound-documents.js';
import { storeOutbound } from './partner-profile.js';

const LEVEL_UNITS: Record<string, string> = { each: 'EA', case: 'CA', pallet: 'PL' };

async function invoiceLines(trx: Tx, invoiceId: number): Promise<InvoiceLine810[]> {
  const rows = await trx
    .selectFrom('invoice_lines as il')
    .innerJoin('order_lines as ol', 'ol.id', 'il.order_line_id')
    .innerJoin('skus as s', 's.id', 'ol.sku_id')
    .leftJoin('edi_order_lines as e', 'e.order_line_id', 'ol.id')
    .select([
      'il.quantity',
      'il.unit_price_minor',
      'il.amount_minor',
      'ol.line_number',
      'ol.pack_level',
      'ol.pack_quantity',
      'ol.quantity_ordered',
      's.code',
      's.gtin',
      's.name',
      'e.line_id',
      'e.unit',
      'e.gtin as partnerGtin',
      'e.buyer_part',
      'e.product_ids',
      'e.price_basis',
    ])
    .where('il.invoice_id', '=', invoiceId)
    .orderBy('ol.line_number')
    .execute();
  return rows.map((r) => {
    const packSize = r.quantity_ordered / r.pack_quantity;
    // Invoice in the partner's unit when whole packs shipped; otherwise in eaches at the
    // pro-rata price, so quantity × price still matches the line amount.
    const whole = Number.isInteger(packSize) && r.quantity % packSize === 0;
    return {
      lineId: r.line_id ?? String(r.line_number),
      quantity: whole ? r.quantity / packSize : r.quantity,
      unit: whole ? (r.unit ?? LEVEL_UNITS[r.pack_level] ?? 'EA') : 'EA',
      unitPriceMinor: whole
        ? r.unit_price_minor
        : Math.round(r.amount_minor / Math.max(1, r.quantity)),
      gtin: r.gtin ?? undefined,
      vendorPart: r.code,
      partnerIds: partnerIdsOf(r),
      // PO1-05 is the basis of the partner's price: it holds only while we bill in their unit.
      priceBasis: whole ? r.price_basis : null,
      description: r.name,
    };
  });
}

/** The 810 for an invoice, stored for the outbox; asking again returns the same one. */
export async function buildInvoice(ctx: AppContext, invoiceId: number): Promise<OutboundDocument> {
  return ctx.database.write(async (trx) => {
    const sent = await trx
      .selectFrom('edi_interchanges')
      .select(['id', 'control_number', 'raw'])
      .where('invoice_id', '=', invoiceId)
      .where('set_id', '=', '810')
      .executeTakeFirst();
    if (sent) return { interchangeId: sent.id, controlNumber: sent.control_number, raw: sent.raw };
    const invoice = await trx
      .selectFrom('invoices as i')
      .innerJoin('customers as c', 'c.id', 'i.customer_id')
      .leftJoin('orders as o', 'o.id', 'i.order_id')
      .leftJoin('customer_ship_tos as st', 'st.id', 'o.ship_to_id')
      .select([
        'i.id',
        'i.customer_id',
        'i.order_id',
        'i.currency',
        'i.total_minor',
        'i.issued_at',
        'c.payment_terms_days',
        'o.customer_po',
        'st.name as shipToName',
        'st.code as shipToCode',
      ])
      .where('i.id', '=', invoiceId)
      .executeTakeFirst();
    if (!invoice)
      throw new FailureError({ code: 'INVOICE.NOT_FOUND', message: `No invoice ${invoiceId}` });
    const partner = await partnerForCustomer(trx, invoice.customer_id);
    const set = build810({
      invoiceNumber: `INV-${invoice.id}`,
      invoiceDate: invoice.issued_at.slice(0, 10),
      poNumber: invoice.customer_po,
      // N1*ST with the partner's own store code (N104), as on the 850 and the 856.
      shipTo: invoice.shipToCode
        ? { name: invoice.shipToName ?? '', code: invoice.shipToCode }
        : undefined,
      currency: invoice.currency,
      paymentTermsDays: invoice.payment_terms_days,
      totalMinor: invoice.total_minor,
      lines: await invoiceLines(trx, invoiceId),
    });
    const stored = await storeOutbound(
      trx,
      partner,
      set,
      { invoiceId, orderIds: invoice.order_id ? [invoice.order_id] : [] },
      ctx.now(),
    );
    return { interchangeId: stored.id, controlNumber: stored.controlNumber, raw: stored.raw };
  });
}

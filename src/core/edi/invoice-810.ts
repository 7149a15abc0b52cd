import { outboundIds, type QualifiedId } from './product-ids.js';
import { ccyymmdd, decimal, type OutboundSet } from './x12-writer.js';

export interface InvoiceLine810 {
  readonly lineId: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitPriceMinor: number;
  readonly gtin?: string | undefined;
  readonly vendorPart?: string | undefined;
  readonly buyerPart?: string | undefined;
  /** The partner's PO1 id pairs and PO1-05, echoed in IT1 as sent. */
  readonly partnerIds?: readonly QualifiedId[] | undefined;
  readonly priceBasis?: string | null | undefined;
  readonly description?: string | undefined;
}

/** An invoice as the partner's 810 wants it. */
export interface Invoice810 {
  readonly invoiceNumber: string;
  readonly invoiceDate: string;
  readonly poNumber: string | null;
  readonly poDate?: string | null | undefined;
  readonly currency: string;
  readonly shipTo?: { name: string; code: string } | undefined;
  readonly paymentTermsDays: number;
  readonly totalMinor: number;
  readonly lines: readonly InvoiceLine810[];
}

/**
 * BIG / CUR / N1 / ITD / IT1 (+PID) / TDS / CTT. TDS-01 is the invoice total in cents with
 * an implied decimal point (N2), as the standard defines it.
 */
export function build810(invoice: Invoice810): OutboundSet {
  const segments: string[][] = [
    [
      'BIG',
      ccyymmdd(invoice.invoiceDate),
      invoice.invoiceNumber,
      invoice.poDate ? ccyymmdd(invoice.poDate) : '',
      invoice.poNumber ?? '',
    ],
    ['CUR', 'SE', invoice.currency],
  ];
  if (invoice.shipTo) segments.push(['N1', 'ST', invoice.shipTo.name, '92', invoice.shipTo.code]);
  segments.push(['ITD', '01', '3', '', '', '', '', String(invoice.paymentTermsDays)]);
  for (const line of invoice.lines) {
    segments.push([
      'IT1',
      line.lineId,
      String(line.quantity),
      line.unit,
      decimal(line.unitPriceMinor),
      line.priceBasis ?? '',
      ...outboundIds(line),
    ]);
    if (line.description) segments.push(['PID', 'F', '', '', '', line.description.slice(0, 80)]);
  }
  segments.push(['TDS', String(invoice.totalMinor)]);
  segments.push(['CTT', String(invoice.lines.length)]);
  return { setId: '810', segments };
}

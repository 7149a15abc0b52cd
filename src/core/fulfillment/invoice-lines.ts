import { addDays } from './carrier.js';

/** An order line as invoicing needs it: price per pack and how the pack breaks into eaches. */
export interface LineToInvoice {
  orderLineId: number;
  /** Price of one pack of the line's pack level, minor units. */
  unitPriceMinor: number;
  /** Packs ordered. */
  packQuantity: number;
  /** Base units ordered (packQuantity × pack size). */
  quantityOrdered: number;
  /** Base units shipped before this shipment. */
  shippedBefore: number;
}

export interface InvoiceLineDraft {
  orderLineId: number;
  /** Base units invoiced. */
  quantity: number;
  /** Per pack, as on the order line. */
  unitPriceMinor: number;
  amountMinor: number;
}

/** Half-up rounding of a non-negative integer ratio, without floats. */
function roundRatio(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * What a line has earned once `shipped` base units are out: the line's price pro rata to
 * units, i.e. unit price × shipped / pack size, with pack size = ordered / packs.
 */
export function earnedMinor(line: LineToInvoice, shipped: number): number {
  return roundRatio(line.unitPriceMinor * line.packQuantity * shipped, line.quantityOrdered);
}

/**
 * Invoice lines for one shipment. Each amount is the difference of cumulative earnings
 * before and after it, so rounding never drifts: the invoices of an order shipped in parts
 * add up to exactly what the fully shipped lines are worth.
 */
export function invoiceLines(
  lines: readonly LineToInvoice[],
  shippedNow: ReadonlyMap<number, number>,
): InvoiceLineDraft[] {
  const drafts: InvoiceLineDraft[] = [];
  for (const line of lines) {
    const quantity = shippedNow.get(line.orderLineId) ?? 0;
    if (quantity === 0) continue;
    const amountMinor =
      earnedMinor(line, line.shippedBefore + quantity) - earnedMinor(line, line.shippedBefore);
    drafts.push({
      orderLineId: line.orderLineId,
      quantity,
      unitPriceMinor: line.unitPriceMinor,
      amountMinor,
    });
  }
  return drafts;
}

/** Payment is due the ship date plus the customer's terms (net 30 → 30 calendar days). */
export function invoiceDueDate(shipDate: string, paymentTermsDays: number): string {
  return addDays(shipDate, paymentTermsDays);
}

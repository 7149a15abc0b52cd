import { echoIds, type QualifiedId } from './product-ids.js';
import { ccyymmdd, decimal, type OutboundSet } from './x12-writer.js';

/**
 * How we answer one PO line (X12 element 668): IA accepted as sent, IQ accepted with another
 * quantity, IP at another price, IC with both changed, IB backordered, IR rejected.
 */
export type LineAck = 'IA' | 'IQ' | 'IP' | 'IC' | 'IB' | 'IR';

export interface AckLine855 {
  /** PO1-01 as the partner sent it. */
  readonly lineId: string;
  /** PO1-02 / -03 / -04 / -05 as sent. */
  readonly quantityOrdered: number;
  readonly unit: string;
  readonly unitPriceMinor: number | null;
  readonly priceBasis?: string | null | undefined;
  /** The partner's PO1 id pairs, echoed verbatim. */
  readonly ids: readonly QualifiedId[];
  /**
   * Unit of the quantities below: the partner's, or EA when an order rule left the line in
   * a quantity that is not whole partner packs.
   */
  readonly ackUnit?: string | undefined;
  /** Quantity per status, in `ackUnit`: accepted (allocated), backordered, rejected. */
  readonly accepted: number;
  readonly backordered: number;
  readonly rejected: number;
  /** True when we ordered another quantity than the partner asked (an order rule rounded it). */
  readonly quantityChanged?: boolean | undefined;
  /** The price per partner unit we will invoice, when it is not the partner's. */
  readonly changedPriceMinor?: number | null | undefined;
}

/** A purchase order acknowledgment: our order number and a per-line answer. */
export interface Ack855 {
  readonly poNumber: string;
  readonly poDate: string | null;
  /** Our sales order number, or null when nothing was taken. */
  readonly orderNumber: string | null;
  readonly date: Date;
  readonly lines: readonly AckLine855[];
}

const priceChanged = (line: AckLine855) =>
  line.changedPriceMinor !== undefined && line.changedPriceMinor !== null;

/** The status of the taken quantity: what changed decides between IA, IQ, IP and IC. */
function takenCode(line: AckLine855): LineAck {
  if (line.quantityChanged) return priceChanged(line) ? 'IC' : 'IQ';
  return priceChanged(line) ? 'IP' : 'IA';
}

/** True when the partner must look at the line: anything but accepted as sent. */
function lineChanged(line: AckLine855): boolean {
  return line.backordered + line.rejected > 0 || takenCode(line) !== 'IA';
}

function ackSegments(line: AckLine855): string[][] {
  const unit = line.ackUnit ?? line.unit;
  const parts: [LineAck, number][] = [
    [takenCode(line), line.accepted],
    ['IB', line.backordered],
    ['IR', line.rejected],
  ];
  return parts
    .filter(([code, q]) => q > 0 || (code === 'IR' && line.accepted + line.backordered === 0))
    .map(([code, q]) => ['ACK', code, String(q), unit]);
}

/**
 * BAK-02: AD accepted as sent, AC accepted with changes (a line backordered, rejected, or
 * ordered at another quantity or price), RJ rejected (no line taken). PO1 echoes the partner's
 * line (with our price in PO1-04 when it changed); each ACK says a status with its quantity.
 */
export function build855(ack: Ack855): OutboundSet {
  const taken = ack.lines.some((l) => l.accepted + l.backordered > 0);
  const bak02 =
    !taken || ack.orderNumber === null ? 'RJ' : ack.lines.some(lineChanged) ? 'AC' : 'AD';
  const segments: string[][] = [
    [
      'BAK',
      '00',
      bak02,
      ack.poNumber,
      ack.poDate ? ccyymmdd(ack.poDate) : ccyymmdd(ack.date),
      '',
      '',
      '',
      ack.orderNumber ?? '',
      ccyymmdd(ack.date),
    ],
  ];
  for (const line of ack.lines) {
    const price = priceChanged(line) ? line.changedPriceMinor! : line.unitPriceMinor;
    segments.push([
      'PO1',
      line.lineId,
      String(line.quantityOrdered),
      line.unit,
      price === null ? '' : decimal(price),
      line.priceBasis ?? '',
      ...echoIds(line.ids),
    ]);
    segments.push(...ackSegments(line));
  }
  segments.push(['CTT', String(ack.lines.length)]);
  return { setId: '855', segments };
}

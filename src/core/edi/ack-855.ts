import { ccyymmdd, decimal, type OutboundSet } from './x12-writer.js';

/** How we answer one PO line: IA accepted, IB backordered, IR rejected. */
export type LineAck = 'IA' | 'IB' | 'IR';

export interface AckLine855 {
  /** PO1-01 as the partner sent it. */
  readonly lineId: string;
  readonly quantityOrdered: number;
  readonly unit: string;
  readonly unitPriceMinor: number | null;
  readonly gtin?: string | undefined;
  readonly vendorPart?: string | undefined;
  readonly buyerPart?: string | undefined;
  /** Quantity per status: accepted (allocated), backordered, rejected. */
  readonly accepted: number;
  readonly backordered: number;
  readonly rejected: number;
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

function lineIds(line: AckLine855): string[] {
  const ids: string[] = [];
  if (line.gtin) ids.push(line.gtin.length === 12 ? 'UP' : 'EN', line.gtin);
  if (line.vendorPart) ids.push('VP', line.vendorPart);
  if (line.buyerPart) ids.push('BP', line.buyerPart);
  return ids;
}

/**
 * BAK-02: AD accepted as sent, AC accepted with changes (some lines backordered or rejected),
 * RJ rejected (no line taken). Each line gets one ACK per status that has quantity.
 */
export function build855(ack: Ack855): OutboundSet {
  const taken = ack.lines.some((l) => l.accepted + l.backordered > 0);
  const changed = ack.lines.some((l) => l.backordered + l.rejected > 0);
  const bak02 = !taken || ack.orderNumber === null ? 'RJ' : changed ? 'AC' : 'AD';
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
    segments.push([
      'PO1',
      line.lineId,
      String(line.quantityOrdered),
      line.unit,
      line.unitPriceMinor === null ? '' : decimal(line.unitPriceMinor),
      '',
      ...lineIds(line),
    ]);
    const parts: [LineAck, number][] = [
      ['IA', line.accepted],
      ['IB', line.backordered],
      ['IR', line.rejected],
    ];
    for (const [code, quantity] of parts) {
      if (quantity > 0 || (code === 'IR' && line.accepted + line.backordered === 0))
        segments.push(['ACK', code, String(quantity), line.unit]);
    }
  }
  segments.push(['CTT', String(ack.lines.length)]);
  return { setId: '855', segments };
}

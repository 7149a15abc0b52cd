import type { AckLine855 } from './ack-855.js';
import { partnerPrice, type PurchaseOrderLine850 } from './po-850.js';

/** An order line as placement stored it: quantities in eaches, price per pack of its level. */
export interface PlacedLine {
  readonly quantityOrdered: number;
  readonly quantityAllocated: number;
  readonly packQuantity: number;
  readonly unitPriceMinor: number;
}

/**
 * How the 855 answers one PO line, from what placement actually made of it: the quantity in
 * the partner's unit (`packSize` eaches each) — or in eaches when an order rule left a number
 * of eaches that is no whole partner pack — flagged when it is not what was asked, and our
 * price per partner unit when the partner named another one. `placed` undefined: rejected.
 */
export function answerLine(
  line: PurchaseOrderLine850,
  placed: { line: PlacedLine; packSize: number } | undefined,
): AckLine855 {
  const echo = {
    lineId: line.lineId,
    quantityOrdered: line.quantity,
    unit: line.unit,
    unitPriceMinor: line.unitPriceMinor,
    priceBasis: line.priceBasis,
    ids: line.qualifiedIds,
  };
  if (!placed) return { ...echo, accepted: 0, backordered: 0, rejected: line.quantity };
  const { quantityOrdered, quantityAllocated, packQuantity, unitPriceMinor } = placed.line;
  const wholePacks = quantityOrdered % placed.packSize === 0;
  const perUnit = wholePacks ? placed.packSize : 1;
  const quantity = quantityOrdered / perUnit;
  const accepted = Math.min(quantity, Math.floor(quantityAllocated / perUnit));
  // unitPriceMinor is per pack of the stored level (quantityOrdered / packQuantity eaches).
  const ours = Math.round((unitPriceMinor * placed.packSize * packQuantity) / quantityOrdered);
  const theirs = partnerPrice(line);
  return {
    ...echo,
    ackUnit: wholePacks ? line.unit : 'EA',
    accepted,
    backordered: quantity - accepted,
    rejected: 0,
    quantityChanged: quantityOrdered !== line.quantity * placed.packSize,
    changedPriceMinor: theirs !== null && theirs !== ours ? ours : null,
  };
}

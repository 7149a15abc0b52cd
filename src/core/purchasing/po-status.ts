import { transition, type Guard, type TransitionTable } from '../shared/fsm.js';
import type { Result } from '../shared/result.js';

/** Where a purchase order stands, from the buyer's draft to closed or cancelled. */
export const PO_STATUSES = [
  'draft',
  'sent',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

/**
 * The PO lifecycle. Buyers send, cancel and close; receiving moves sent → partially_received
 * → received as goods arrive (a single delivery may complete a PO straight from sent).
 */
export const PO_TRANSITIONS: TransitionTable<PoStatus> = {
  draft: ['sent', 'cancelled'],
  sent: ['partially_received', 'received', 'cancelled'],
  partially_received: ['partially_received', 'received', 'closed'],
  received: ['closed'],
  closed: [],
  cancelled: [],
};

/** Quantities of one PO line, in base units. */
export interface PoLineQuantities {
  quantityOrdered: number;
  quantityReceived: number;
  quantityCancelled: number;
}

/** What is still expected from the supplier on a line: never negative (over-receipt happens). */
export function openQuantity(line: PoLineQuantities): number {
  return Math.max(0, line.quantityOrdered - line.quantityReceived - line.quantityCancelled);
}

/**
 * The status a sent PO takes after a receipt: received once every line is received or
 * cancelled in full, partially received once anything arrived, else still sent.
 */
export function statusAfterReceipt(
  lines: readonly PoLineQuantities[],
): 'sent' | 'partially_received' | 'received' {
  if (lines.length > 0 && lines.every((l) => openQuantity(l) === 0)) return 'received';
  return lines.some((l) => l.quantityReceived > 0) ? 'partially_received' : 'sent';
}

/** A PO that received goods cannot be cancelled: it must be closed, so receipts keep their PO. */
const nothingReceived: Guard<PoStatus, readonly PoLineQuantities[]> = (_from, to, lines) =>
  to === 'cancelled' && lines.some((l) => l.quantityReceived > 0)
    ? 'Goods were received against this PO: close it instead'
    : undefined;

/** Checks a buyer's or receiving's move of a PO; the lines let guards see what arrived. */
export function poTransition(
  from: PoStatus,
  to: PoStatus,
  lines: readonly PoLineQuantities[],
): Result<PoStatus> {
  return transition('PURCHASING', PO_TRANSITIONS, from, to, lines, [nothingReceived]);
}

/**
 * Closing writes off what the supplier will not deliver: each line's cancelled quantity
 * becomes ordered − received (never lower than what was already cancelled, never negative).
 */
export function cancelledOnClose(line: PoLineQuantities): number {
  return Math.max(line.quantityCancelled, line.quantityOrdered - line.quantityReceived, 0);
}

export function isPoStatus(value: string): value is PoStatus {
  return (PO_STATUSES as readonly string[]).includes(value);
}

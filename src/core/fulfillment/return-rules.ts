import { transition, type TransitionTable } from '../shared/fsm.js';
import { fail, ok, type Result } from '../shared/result.js';

/** Why a customer sends goods back. The reason is on the RMA and feeds quality and accuracy KPIs. */
export const RETURN_REASONS = [
  'damaged_in_transit',
  'wrong_item',
  'wrong_quantity',
  'expired',
  'quality',
  'not_wanted',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Reasons that mean the warehouse shipped the wrong thing: they count against order accuracy. */
export const ACCURACY_REASONS: readonly ReturnReason[] = ['wrong_item', 'wrong_quantity'];

export function isReturnReason(value: string): value is ReturnReason {
  return (RETURN_REASONS as readonly string[]).includes(value);
}

/**
 * What happens to returned goods once inspected: back on a shelf for sale, held in quarantine,
 * written off as damaged (to SCRAP at standard cost), or sent back to the supplier.
 */
export const DISPOSITIONS = ['restock', 'quarantine', 'damaged', 'return_to_vendor'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const RETURN_STATUSES = ['authorized', 'received', 'closed', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** An RMA is authorized, the goods arrive (received), each line is disposed and it closes. */
export const RETURN_TRANSITIONS: TransitionTable<ReturnStatus> = {
  authorized: ['received', 'cancelled'],
  received: ['closed'],
  closed: [],
  cancelled: [],
};

/** What closing needs to know: every line that came back has been disposed. */
export interface CloseContext {
  undisposedLines: number;
}

const allDisposed = (_from: ReturnStatus, to: ReturnStatus, c: CloseContext | undefined) =>
  to === 'closed' && c && c.undisposedLines > 0
    ? `${c.undisposedLines} received line(s) have no disposition yet`
    : undefined;

/** Moves an RMA through its life; `RETURN.ILLEGAL_TRANSITION` or `RETURN.TRANSITION_REFUSED`. */
export function moveReturn(
  from: ReturnStatus,
  to: ReturnStatus,
  context?: CloseContext,
): Result<ReturnStatus> {
  return transition('RETURN', RETURN_TRANSITIONS, from, to, context, [allDisposed]);
}

/** What an order line allows to be returned. */
export interface ReturnableLine {
  orderLineId: number;
  quantityShipped: number;
  /** Authorized on the line's other RMAs that are not cancelled (open or closed). */
  authorizedElsewhere: number;
}

/**
 * A line may not authorize more than was shipped less what other RMAs of the line already
 * authorized: otherwise the same units could be credited twice.
 */
export function checkAuthorizable(line: ReturnableLine, quantity: number): Result<number> {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    return fail('RETURN.INVALID_QUANTITY', 'Authorize a whole number of base units above 0', {
      orderLineId: line.orderLineId,
      quantity,
    });
  }
  const returnable = Math.max(0, line.quantityShipped - line.authorizedElsewhere);
  if (quantity > returnable) {
    return fail(
      'RETURN.OVER_AUTHORIZED',
      `Line ${line.orderLineId}: ${quantity} asked, only ${returnable} shipped and not yet authorized`,
      { orderLineId: line.orderLineId, requested: quantity, returnable },
    );
  }
  return ok(quantity);
}

/** Goods that arrive against an RMA line: no more than it authorized. Zero means none came. */
export function checkReceivable(
  line: { returnLineId: number; quantityAuthorized: number },
  quantity: number,
): Result<number> {
  if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > line.quantityAuthorized) {
    return fail(
      'RETURN.OVER_RECEIVED',
      `Return line ${line.returnLineId}: received ${quantity}, authorized ${line.quantityAuthorized}`,
      { returnLineId: line.returnLineId, quantity, authorized: line.quantityAuthorized },
    );
  }
  return ok(quantity);
}

/** The order line as priced: `unitPriceMinor` per pack of `packQuantity` packs making `quantityOrdered` base units. */
export interface PricedLine {
  quantityOrdered: number;
  packQuantity: number;
  unitPriceMinor: number;
}

/**
 * Credit for base units returned, at what the customer paid per base unit. The price is per
 * pack, so the credit is units × price × packs ÷ units ordered, rounded half up to the cent
 * once for the whole line (never per unit, which would drift).
 */
export function creditFor(line: PricedLine, quantityReturned: number): number {
  if (quantityReturned === 0 || line.quantityOrdered === 0) return 0;
  // BigInt: units × price × packs can pass 2^53 on a large line even when the credit cannot.
  const numerator =
    BigInt(quantityReturned) * BigInt(line.unitPriceMinor) * BigInt(line.packQuantity);
  const ordered = BigInt(line.quantityOrdered);
  return Number((2n * numerator + ordered) / (2n * ordered));
}

/** Where a disposition sends stock from RECEIVING; damaged goes on from DAMAGED to SCRAP. */
export type DispositionStep =
  | { to: 'bin'; type: 'move' }
  | { to: 'quarantine' | 'damaged'; type: 'status_change' }
  | { to: 'scrap'; from: 'damaged'; type: 'adjustment'; reasonCode: 'damaged' }
  | { to: 'supplier'; type: 'return'; reasonCode: 'return_to_vendor' };

/** The movements of a disposition, in order. Each says where the goods go and why. */
export function dispositionSteps(disposition: Disposition): DispositionStep[] {
  switch (disposition) {
    case 'restock':
      return [{ to: 'bin', type: 'move' }];
    case 'quarantine':
      return [{ to: 'quarantine', type: 'status_change' }];
    case 'damaged':
      return [
        { to: 'damaged', type: 'status_change' },
        { to: 'scrap', from: 'damaged', type: 'adjustment', reasonCode: 'damaged' },
      ];
    case 'return_to_vendor':
      return [{ to: 'supplier', type: 'return', reasonCode: 'return_to_vendor' }];
  }
}

/** Value of a write-off: base units at the SKU's standard cost, in minor units. */
export function writeOffValue(quantity: number, standardCostMinor: number): number {
  return quantity * standardCostMinor;
}

/** RMAs are numbered for people as RMA-000042; the number is the id. */
export function rmaNumber(id: number): string {
  return `RMA-${String(id).padStart(6, '0')}`;
}

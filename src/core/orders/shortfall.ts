import { fail, ok, type Result } from '../shared/result.js';

export interface LineAfterAllocation {
  lineId: number;
  ordered: number;
  allocated: number;
  cancelled: number;
}

export interface ShortfallRule {
  /** False: what cannot be held now is cancelled instead of backordered. */
  allowBackorders: boolean;
  /** True: the order ships in one piece or not at all. */
  shipComplete: boolean;
}

export interface LineSettlement {
  lineId: number;
  backordered: number;
  cancelled: number;
}

/**
 * What becomes of the quantity allocation could not hold, as the customer's settings say:
 * backordered (to be filled when stock arrives), or cancelled. A customer who takes no
 * backorders and wants complete shipments gets the order refused outright when anything is
 * short; one who takes partial shipments gets what is there — unless nothing is.
 */
export function settleShortfalls(
  lines: readonly LineAfterAllocation[],
  rule: ShortfallRule,
): Result<LineSettlement[]> {
  const short = lines.map((l) => ({
    lineId: l.lineId,
    short: l.ordered - l.allocated - l.cancelled,
    cancelled: l.cancelled,
  }));
  const missing = short.reduce((n, l) => n + l.short, 0);
  if (rule.allowBackorders || missing === 0) {
    return ok(
      short.map((l) => ({ lineId: l.lineId, backordered: l.short, cancelled: l.cancelled })),
    );
  }
  const held = lines.reduce((n, l) => n + l.allocated, 0);
  if (rule.shipComplete || held === 0) {
    return fail(
      'ORDER.INSUFFICIENT_STOCK',
      `Not enough stock to accept the order: ${missing} unit(s) short and the customer takes no backorders`,
      {
        shortLines: short
          .filter((l) => l.short > 0)
          .map((l) => ({ lineId: l.lineId, short: l.short })),
      },
    );
  }
  return ok(
    short.map((l) => ({ lineId: l.lineId, backordered: 0, cancelled: l.cancelled + l.short })),
  );
}

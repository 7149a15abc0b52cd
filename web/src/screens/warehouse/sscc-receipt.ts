/** The answer to a pallet or carton label scan (POST /receiving/sscc-scans). */
export interface SsccReceipt {
  asnId: number;
  sscc: string;
  containersReceived: string[];
  receipts: { receiptId: number; skuId: number; quantity: number; putawayTaskIds: number[] }[];
  notBooked: {
    sscc: string;
    lineRef: string;
    skuId: number | null;
    quantity: number | null;
    discrepancy: string;
  }[];
  asnStatus: string;
}

const REASONS: Record<string, string> = {
  unknown_item: 'unknown item',
  not_on_po: 'not on the PO',
  lot_missing: 'lot or expiry missing',
  over_tolerance: 'beyond the PO tolerance',
};

/**
 * One feedback line for the receiver: what came in (units and receipts, cartons with a
 * pallet), what was left off the books and why — a warning then, so the item is set aside.
 */
export function describeSsccReceipt(r: SsccReceipt): { tone: 'success' | 'warning'; text: string } {
  const units = r.receipts.reduce((n, x) => n + x.quantity, 0);
  const tasks = r.receipts.reduce((n, x) => n + x.putawayTaskIds.length, 0);
  const more = r.containersReceived.length - 1;
  const head =
    `Received ${r.sscc}${more > 0 ? ` with ${more} carton(s)` : ''}: ` +
    `${units} unit(s) in ${r.receipts.length} receipt(s), ${tasks} put-away task(s).`;
  if (r.notBooked.length === 0) return { tone: 'success', text: head };
  const left = r.notBooked
    .map((n) => `line ${n.lineRef} (${REASONS[n.discrepancy] ?? n.discrepancy})`)
    .join(', ');
  return { tone: 'warning', text: `${head} Set aside, not booked: ${left}.` };
}

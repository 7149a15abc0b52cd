/**
 * Where a supplier's ship notice stands at our dock. Expected until the first pallet or carton
 * is scanned; partially received while some are still to come; at the end (every container
 * scanned, or the notice closed by a supervisor) received — or received with discrepancies
 * when an item could not be booked as announced or a container never turned up.
 */
export const ASN_STATUSES = [
  'expected',
  'partially_received',
  'received',
  'received_with_discrepancies',
] as const;
export type AsnStatus = (typeof ASN_STATUSES)[number];

/**
 * Why an announced item is not (or not simply) booked as announced. The first four are found
 * when the notice arrives; `over_tolerance` when the scan finds the line already full.
 */
export const ASN_DISCREPANCIES = {
  unknown_item: 'no id of the line names one of our SKUs',
  not_on_po: 'the SKU is not on the purchase order',
  over_open_quantity: "more than the PO line's open quantity (received within tolerance only)",
  lot_missing: 'a lot-tracked SKU announced without its lot (or expiry, with a shelf life)',
  over_tolerance: 'the PO line would go beyond its receiving tolerance',
} as const;
export type AsnDiscrepancy = keyof typeof ASN_DISCREPANCIES;

/** Discrepancies that keep the item off the books when its container is scanned. */
export const NOT_BOOKED: ReadonlySet<string> = new Set([
  'unknown_item',
  'not_on_po',
  'lot_missing',
  'over_tolerance',
]);

export interface AsnFacts {
  containers: number;
  scanned: number;
  itemDiscrepancies: number;
  closed: boolean;
}

export function asnStatus(facts: AsnFacts): AsnStatus {
  const done = facts.closed || facts.scanned === facts.containers;
  if (!done) return facts.scanned === 0 ? 'expected' : 'partially_received';
  const missing = facts.containers - facts.scanned;
  return missing > 0 || facts.itemDiscrepancies > 0 ? 'received_with_discrepancies' : 'received';
}

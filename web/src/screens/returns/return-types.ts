/** The RMA shapes the return screens read (GET /returns/:id). */
export const RETURN_REASONS = [
  'damaged_in_transit',
  'wrong_item',
  'wrong_quantity',
  'expired',
  'quality',
  'not_wanted',
] as const;

/** What happens to each received line once inspected. */
export const DISPOSITIONS = ['restock', 'quarantine', 'damaged', 'return_to_vendor'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Dispositions that put goods in a bin of this warehouse, so a bin may (restock: must) be named. */
export const NEEDS_BIN: Record<Disposition, 'required' | 'optional' | 'none'> = {
  restock: 'required',
  quarantine: 'optional',
  damaged: 'optional',
  return_to_vendor: 'none',
};

export interface ReturnLine {
  id: number;
  orderLineId: number;
  skuId: number;
  skuCode: string;
  quantityAuthorized: number;
  quantityReceived: number;
  lotCode: string | null;
  disposition: Disposition | null;
  locationId: number | null;
  locationCode: string | null;
  creditMinor: number | null;
}

export interface ReturnDetail {
  id: number;
  rmaNumber: string;
  orderId: number;
  customerId: number;
  status: 'authorized' | 'received' | 'closed' | 'cancelled';
  reason: string;
  notes: string | null;
  creditMinor: number | null;
  createdAt: string;
  closedAt: string | null;
  lines: ReturnLine[];
}

export const label = (code: string) => code.replaceAll('_', ' ');

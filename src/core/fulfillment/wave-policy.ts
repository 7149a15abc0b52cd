/**
 * How orders are grouped into waves. Wholesalers differ (one wave per carrier pick-up, per
 * dock door, per customer route), so the decision sits behind this small interface; planWave
 * only loads the candidates and persists what the policy chose.
 */

/** How a wave is picked: one task per order allocation, summed over orders, or summed per zone. */
export const PICK_MODES = ['discrete', 'batch', 'zone'] as const;
export type PickMode = (typeof PICK_MODES)[number];

/** An order that may go into a wave: allocated (or partly, or already released) and in no active wave. */
export interface WaveCandidate {
  orderId: number;
  warehouseId: number;
  /** Null until orders carry a carrier; all such orders group together. */
  carrierCode: string | null;
  /** The cut-off the order must make: its requested ship date (`YYYY-MM-DD`), or null for "no date". */
  requestedShipDate: string | null;
  /** 1 is served first, 9 last. */
  priority: number;
  createdAt: string;
  /** Order lines with stock still to pick. */
  lines: number;
}

/** Caps on one wave's size, so a picker's cart (or a batch's put wall) is not overloaded. */
export interface WaveLimits {
  maxOrders: number;
  maxLines: number;
}

/** The orders the next wave should take, with what they have in common. */
export interface WaveSelection {
  warehouseId: number;
  carrierCode: string | null;
  /** Requested ship date shared by the orders, or null. */
  cutoff: string | null;
  /** In the order they should be served (priority first). */
  orderIds: number[];
  lines: number;
}

export interface WavePolicy {
  /** Every wave the candidates would make, most urgent first. */
  group(candidates: readonly WaveCandidate[], limits: WaveLimits): WaveSelection[];
}

/** Caps when the caller names none: a cart-sized wave. */
export const DEFAULT_WAVE_LIMITS: WaveLimits = { maxOrders: 200, maxLines: 2_000 };

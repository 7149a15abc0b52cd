import { leadTimeStats, type LeadTimeStats } from './lead-time.js';

/** One PO line as delivered: what was ordered, what came, what we cancelled ourselves. */
export interface DeliveredLine {
  quantityOrdered: number;
  quantityReceived: number;
  /** Cancelled by the buyer (not a shortfall written off when closing). */
  quantityCancelledByUs: number;
}

/** A PO whose receiving finished (received, or closed after partial receipt). */
export interface DeliveredPo {
  /** YYYY-MM-DD the supplier promised. */
  expectedDate: string | null;
  /** YYYY-MM-DD of the last receipt against the PO. */
  lastReceiptDate: string;
  lines: readonly DeliveredLine[];
  /** Days from sending to the first receipt, per line that received anything. */
  leadTimeSamplesDays: readonly number[];
}

export interface SupplierPerformance {
  purchaseOrders: number;
  onTime: number;
  inFull: number;
  otif: number;
  /** Shares of purchaseOrders (0–1); null when no PO finished in the window. */
  onTimeRate: number | null;
  inFullRate: number | null;
  otifRate: number | null;
  leadTime: LeadTimeStats | null;
}

/** Delivered by the promised date: the last receipt on or before expected_date. */
export function isOnTime(po: DeliveredPo): boolean {
  return po.expectedDate !== null && po.lastReceiptDate <= po.expectedDate;
}

/**
 * Delivered in full: every line received at least what was ordered, less what we cancelled
 * ourselves (lines we cancelled entirely do not count against the supplier).
 */
export function isInFull(po: DeliveredPo): boolean {
  return po.lines.every((l) => l.quantityReceived >= l.quantityOrdered - l.quantityCancelledByUs);
}

/** On-time, in-full and OTIF counts and rates over POs, with the observed lead time. */
export function supplierPerformance(pos: readonly DeliveredPo[]): SupplierPerformance {
  let onTime = 0;
  let inFull = 0;
  let otif = 0;
  for (const po of pos) {
    const t = isOnTime(po);
    const f = isInFull(po);
    if (t) onTime++;
    if (f) inFull++;
    if (t && f) otif++;
  }
  const n = pos.length;
  const rate = (k: number) => (n === 0 ? null : Math.round((k / n) * 10_000) / 10_000);
  return {
    purchaseOrders: n,
    onTime,
    inFull,
    otif,
    onTimeRate: rate(onTime),
    inFullRate: rate(inFull),
    otifRate: rate(otif),
    leadTime: leadTimeStats(pos.flatMap((p) => p.leadTimeSamplesDays)),
  };
}

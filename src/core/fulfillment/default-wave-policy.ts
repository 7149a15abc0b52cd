import type { WaveCandidate, WaveLimits, WavePolicy, WaveSelection } from './wave-policy.js';

/** Orders without a requested ship date sort after every dated one. */
const NO_DATE = '9999-12-31';

const groupKey = (c: WaveCandidate) =>
  `${c.warehouseId}|${c.carrierCode ?? ''}|${c.requestedShipDate ?? NO_DATE}`;

/**
 * Earliest cut-off first, then priority (1 before 9), then oldest order: the order in which a
 * shift lead would send work to the floor.
 */
export function byUrgency(a: WaveCandidate, b: WaveCandidate): number {
  return (
    (a.requestedShipDate ?? NO_DATE).localeCompare(b.requestedShipDate ?? NO_DATE) ||
    a.warehouseId - b.warehouseId ||
    (a.carrierCode ?? '').localeCompare(b.carrierCode ?? '') ||
    a.priority - b.priority ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.orderId - b.orderId
  );
}

/**
 * The default grouping: one wave never mixes warehouses, carriers or cut-offs; within a group
 * orders are taken by urgency until the order or line cap would be exceeded, then a new wave
 * starts. An order with more lines than the cap still gets a wave of its own, so it is never
 * starved.
 */
export const defaultWavePolicy: WavePolicy = {
  group(candidates: readonly WaveCandidate[], limits: WaveLimits): WaveSelection[] {
    const waves: WaveSelection[] = [];
    const open = new Map<string, WaveSelection>();
    for (const c of [...candidates].sort(byUrgency)) {
      const key = groupKey(c);
      let wave = open.get(key);
      const full =
        wave &&
        (wave.orderIds.length >= limits.maxOrders || wave.lines + c.lines > limits.maxLines);
      if (!wave || full) {
        wave = {
          warehouseId: c.warehouseId,
          carrierCode: c.carrierCode,
          cutoff: c.requestedShipDate,
          orderIds: [],
          lines: 0,
        };
        open.set(key, wave);
        waves.push(wave);
      }
      wave.orderIds.push(c.orderId);
      wave.lines += c.lines;
    }
    return waves;
  },
};

import type { PathStop } from './pick-path.js';
import { sequenceByPath } from './pick-path.js';
import type { PickMode } from './wave-policy.js';

/** An open reservation to be picked: what an allocation still holds at a bin and lot. */
export interface AllocationToPick {
  allocationId: number;
  orderId: number;
  skuId: number;
  lotId: number;
  quantity: number;
  stop: PathStop;
  zone: string | null;
}

/** One allocation's share of a task: the put-to-order instruction of a batch pick. */
export interface TaskPart {
  allocationId: number;
  orderId: number;
  quantity: number;
}

/** A pick task to create: one visit to a bin for one SKU and lot. */
export interface PlannedPickTask {
  /** Set in discrete mode; null when the task serves several orders. */
  orderId: number | null;
  skuId: number;
  lotId: number;
  locationId: number;
  zone: string | null;
  quantity: number;
  sequence: number;
  parts: TaskPart[];
}

/**
 * Turns open allocations into pick tasks. Discrete: one task per allocation, for its order.
 * Batch: one task per (bin, SKU, lot) summed over the orders, the parts saying how many go to
 * each. Zone: like batch, but tasks are also split by zone so each zone picker has their own
 * list (a bin belongs to one zone, so this only differs in what a picker's list holds).
 * Sequenced along the pick path from `firstSequence`.
 */
export function planPickTasks(
  allocations: readonly AllocationToPick[],
  mode: PickMode,
  firstSequence = 1,
): PlannedPickTask[] {
  const tasks = new Map<string, Omit<PlannedPickTask, 'sequence'> & { stop: PathStop }>();
  for (const a of allocations) {
    if (a.quantity <= 0) continue;
    const key =
      mode === 'discrete'
        ? `a${a.allocationId}`
        : `${a.zone ?? ''}|${a.stop.locationId}|${a.skuId}|${a.lotId}`;
    const part = { allocationId: a.allocationId, orderId: a.orderId, quantity: a.quantity };
    const task = tasks.get(key);
    if (task) {
      task.quantity += a.quantity;
      task.parts.push(part);
      continue;
    }
    tasks.set(key, {
      orderId: mode === 'discrete' ? a.orderId : null,
      skuId: a.skuId,
      lotId: a.lotId,
      locationId: a.stop.locationId,
      zone: a.zone,
      quantity: a.quantity,
      parts: [part],
      stop: a.stop,
    });
  }
  const ordered = sequenceByPath([...tasks.values()], firstSequence);
  // Zone mode: each zone's tasks stay contiguous, in zone order, each zone walked by path.
  if (mode === 'zone') {
    ordered.sort((a, b) => (a.zone ?? '').localeCompare(b.zone ?? '') || a.sequence - b.sequence);
    ordered.forEach((t, i) => (t.sequence = firstSequence + i));
  }
  return ordered.map(({ stop: _stop, ...task }) => task);
}

/** A share of a task as picking distributes to it: how much its allocation still holds. */
export interface OpenPart {
  allocationId: number;
  orderId: number;
  /** 1 is served first, 9 last. */
  priority: number;
  open: number;
}

/**
 * Splits a quantity over a task's parts. Picked units go to the most urgent orders first
 * (priority, then order id); missing units of a short pick are taken from the least urgent
 * first, so a short hurts the orders that matter least. Never more than a part holds.
 */
export function distribute(
  parts: readonly OpenPart[],
  quantity: number,
  direction: 'picked' | 'short',
): { allocationId: number; orderId: number; quantity: number }[] {
  const sign = direction === 'picked' ? 1 : -1;
  const sorted = [...parts].sort(
    (a, b) =>
      sign * (a.priority - b.priority || a.orderId - b.orderId || a.allocationId - b.allocationId),
  );
  const out: { allocationId: number; orderId: number; quantity: number }[] = [];
  let left = quantity;
  for (const p of sorted) {
    if (left === 0) break;
    const take = Math.min(left, p.open);
    if (take <= 0) continue;
    out.push({ allocationId: p.allocationId, orderId: p.orderId, quantity: take });
    left -= take;
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { defaultWavePolicy } from './default-wave-policy.js';
import { casesAndEaches, checkPick, type ScannedPick, type TaskToMatch } from './pick-check.js';
import { comparePath } from './pick-path.js';
import { distribute, planPickTasks, type AllocationToPick } from './pick-tasks.js';
import type { WaveCandidate } from './wave-policy.js';

const stop = (locationId: number, pickSequence: number, code: string) => ({
  locationId,
  pickSequence,
  code,
});
const alloc = (
  allocationId: number,
  orderId: number,
  location: ReturnType<typeof stop>,
  quantity: number,
  zone: string | null = null,
): AllocationToPick => ({
  allocationId,
  orderId,
  skuId: 7,
  lotId: 0,
  quantity,
  stop: location,
  zone,
});

describe('pick path', () => {
  it('walks by pick sequence, then code', () => {
    const stops = [stop(1, 20, 'B-01'), stop(2, 10, 'A-02'), stop(3, 10, 'A-01')];
    expect([...stops].sort(comparePath).map((s) => s.code)).toEqual(['A-01', 'A-02', 'B-01']);
  });
});

describe('planPickTasks', () => {
  const far = stop(1, 30, 'C-01');
  const near = stop(2, 10, 'A-01');
  const allocations = [
    alloc(1, 100, far, 2, 'Z2'),
    alloc(2, 101, far, 3, 'Z2'),
    alloc(3, 101, near, 1, 'Z1'),
  ];

  it('discrete: one task per allocation, in path order', () => {
    const tasks = planPickTasks(allocations, 'discrete');
    expect(tasks.map((t) => [t.locationId, t.orderId, t.quantity, t.sequence])).toEqual([
      [2, 101, 1, 1],
      [1, 100, 2, 2],
      [1, 101, 3, 3],
    ]);
  });

  it('batch: summed per bin, SKU and lot, parts per order', () => {
    const tasks = planPickTasks(allocations, 'batch', 5);
    expect(tasks.map((t) => [t.locationId, t.orderId, t.quantity, t.sequence])).toEqual([
      [2, null, 1, 5],
      [1, null, 5, 6],
    ]);
    expect(tasks[1]!.parts.map((p) => p.orderId)).toEqual([100, 101]);
  });

  it('zone: each zone contiguous', () => {
    const tasks = planPickTasks(
      [...allocations, alloc(4, 102, stop(9, 5, 'Z-09'), 1, 'Z3')],
      'zone',
    );
    expect(tasks.map((t) => t.zone)).toEqual(['Z1', 'Z2', 'Z3']);
  });
});

describe('distribute', () => {
  const parts = [
    { allocationId: 1, orderId: 10, priority: 9, open: 4 },
    { allocationId: 2, orderId: 11, priority: 1, open: 4 },
  ];
  it('gives picks to the most urgent order first and takes shorts from the least urgent', () => {
    expect(distribute(parts, 5, 'picked')).toEqual([
      { allocationId: 2, orderId: 11, quantity: 4 },
      { allocationId: 1, orderId: 10, quantity: 1 },
    ]);
    expect(distribute(parts, 3, 'short')).toEqual([{ allocationId: 1, orderId: 10, quantity: 3 }]);
  });
});

describe('checkPick', () => {
  const task: TaskToMatch = {
    taskId: 1,
    locationId: 5,
    locationCode: 'A-01-03',
    locationBarcode: 'MAIN-A-01-03',
    skuId: 7,
    skuCode: 'DOG-1',
    lotCode: 'L1',
    remaining: 6,
  };
  const scan: ScannedPick = {
    locationScan: 'MAIN-A-01-03',
    scannedLocationCode: 'A-01-03',
    scannedLocationId: 5,
    skuId: 7,
    skuCode: 'DOG-1',
    lotCode: 'L1',
    quantity: 4,
  };
  it('accepts a matching scan and refuses each mismatch with its code', () => {
    expect(checkPick(task, scan)).toEqual({ ok: true, value: 4 });
    const code = (s: Partial<ScannedPick>) => {
      const r = checkPick(task, { ...scan, ...s });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code({ locationScan: 'X', scannedLocationId: 4, scannedLocationCode: 'A-01-02' })).toBe(
      'PICK.WRONG_LOCATION',
    );
    expect(code({ skuId: 8, skuCode: 'CAT-1' })).toBe('PICK.WRONG_SKU');
    expect(code({ lotCode: 'L2' })).toBe('PICK.WRONG_LOT');
    expect(code({ quantity: 7 })).toBe('PICK.OVER_PICK');
    const wrongBin = checkPick(task, {
      ...scan,
      locationScan: 'MAIN-A-01-02',
      scannedLocationId: 4,
      scannedLocationCode: 'A-01-02',
    });
    expect(wrongBin.ok ? '' : wrongBin.error.message).toBe(
      'Wrong bin: scanned A-01-02, go to A-01-03',
    );
  });
  it('splits quantities into cases and eaches', () => {
    expect(casesAndEaches(10, 4)).toEqual({ cases: 2, eaches: 2 });
    expect(casesAndEaches(10, null)).toEqual({ cases: 0, eaches: 10 });
  });
});

describe('default wave policy', () => {
  const c = (orderId: number, date: string | null, priority: number, lines = 3): WaveCandidate => ({
    orderId,
    warehouseId: 1,
    carrierCode: null,
    requestedShipDate: date,
    priority,
    createdAt: '2026-01-01T00:00:00Z',
    lines,
  });
  it('groups by cut-off, earliest first, by priority, within the caps', () => {
    const waves = defaultWavePolicy.group(
      [
        c(1, null, 1),
        c(2, '2026-03-03', 5),
        c(3, '2026-03-03', 1),
        c(4, '2026-03-02', 9),
        c(5, '2026-03-03', 2),
      ],
      { maxOrders: 2, maxLines: 100 },
    );
    expect(waves.map((w) => [w.cutoff, w.orderIds])).toEqual([
      ['2026-03-02', [4]],
      ['2026-03-03', [3, 5]],
      ['2026-03-03', [2]],
      [null, [1]],
    ]);
  });
  it('caps lines, but never starves a large order', () => {
    const waves = defaultWavePolicy.group([c(1, null, 1, 50), c(2, null, 1, 3)], {
      maxOrders: 10,
      maxLines: 10,
    });
    expect(waves.map((w) => w.orderIds)).toEqual([[1], [2]]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fractionDone,
  isRunning,
  nextDelayMs,
  type ImportJob,
} from '../../web/src/screens/imports/import-job.js';
import {
  onePerBin,
  addScan,
  setKeyed,
  submissionLines,
  type Entry,
} from '../../web/src/screens/warehouse/count-types.js';

const job = fc.record({
  id: fc.integer({ min: 1 }),
  status: fc.constantFrom('running', 'done', 'failed', 'queued', undefined),
  progress: fc.option(
    fc.record({
      bytes: fc.option(fc.integer({ min: -10, max: 1e9 }), { nil: undefined }),
      totalBytes: fc.option(fc.integer({ min: -10, max: 1e9 }), { nil: null }),
    }),
    { nil: null },
  ),
}) as fc.Arbitrary<ImportJob>;

describe('import progress (pure parts of the screen)', () => {
  it('the bar never leaves 0…1, and a finished job is full', () => {
    fc.assert(
      fc.property(job, (j) => {
        const f = fractionDone(j);
        if (!isRunning(j)) expect(f).toBe(1);
        if (f !== null) expect(f >= 0 && f <= 1).toBe(true);
      }),
    );
  });

  it('only done and failed end the polling; the back-off grows and stays ≤ 5 s', () => {
    expect(isRunning({ id: 1, status: 'done' })).toBe(false);
    expect(isRunning({ id: 1, status: 'failed' })).toBe(false);
    expect(isRunning({ id: 1, status: 'something new' })).toBe(true);
    for (let n = 0; n < 20; n++) {
      expect(nextDelayMs(n + 1)).toBeGreaterThanOrEqual(nextDelayMs(n));
      expect(nextDelayMs(n)).toBeLessThanOrEqual(5000);
    }
  });
});

const step = fc.oneof(
  fc.record({ scan: fc.constantFrom('A', 'B', 'C') }),
  fc.record({
    skuId: fc.integer({ min: 1, max: 3 }),
    lot: fc.constantFrom('', 'L1'),
    quantity: fc.integer({ min: 0, max: 50 }),
  }),
);

describe('blind count entries', () => {
  it('scans add one pack per scan; keying a SKU and lot again replaces it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let entries: Entry[] = [];
        const scans = new Map<string, number>();
        const keyed = new Map<string, number>();
        for (const s of steps) {
          if ('scan' in s) {
            entries = addScan(entries, s.scan, s.scan);
            scans.set(s.scan, (scans.get(s.scan) ?? 0) + 1);
          } else {
            entries = setKeyed(entries, s.skuId, s.lot, s.quantity, String(s.skuId));
            keyed.set(`${s.skuId}:${s.lot}`, s.quantity);
          }
        }
        expect(entries).toHaveLength(scans.size + keyed.size);
        const lines = submissionLines(entries);
        for (const [scan, n] of scans) expect(lines).toContainEqual({ scan, quantity: n });
        for (const [key, quantity] of keyed) {
          const [skuId, lot] = key.split(':');
          expect(lines).toContainEqual({
            skuId: Number(skuId),
            quantity,
            ...(lot ? { lotCode: lot } : {}),
          });
        }
      }),
    );
  });
});

describe('count task list', () => {
  it('shows each bin once, the oldest task first, with how many more wait there', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A-01-01', 'A-01-02', 'B-02-01'), { maxLength: 12 }),
        (bins) => {
          const tasks = bins.map((locationCode, i) => ({ id: 100 - i, locationCode }));
          const shown = onePerBin(tasks);
          expect(shown.map((t) => t.locationCode).sort()).toEqual([...new Set(bins)].sort());
          for (const t of shown) {
            const same = tasks.filter((x) => x.locationCode === t.locationCode);
            expect(t.id).toBe(Math.min(...same.map((x) => x.id)));
            expect(t.alsoPending).toBe(same.length - 1);
          }
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { planBinLayout } from './bin-layout.js';

describe('planBinLayout', () => {
  const spec = { zone: 'a', aisles: 2, bays: 3, levels: 2, binsPerLevel: 1, type: 'storage' };

  it('plans every bin in serpentine pick order', () => {
    const result = planBinLayout(spec, 1);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((b) => [b.code, b.pickSequence])).toEqual([
      ['A-01-01-A-1', 1],
      ['A-01-01-B-1', 2],
      ['A-01-02-A-1', 3],
      ['A-01-02-B-1', 4],
      ['A-01-03-A-1', 5],
      ['A-01-03-B-1', 6],
      ['A-02-03-A-1', 7],
      ['A-02-03-B-1', 8],
      ['A-02-02-A-1', 9],
      ['A-02-02-B-1', 10],
      ['A-02-01-A-1', 11],
      ['A-02-01-B-1', 12],
    ]);
    expect(result.value[0]).toMatchObject({
      zone: 'A',
      aisle: '01',
      bay: '01',
      level: 'A',
      bin: '1',
      type: 'storage',
    });
  });

  it('extends a zone from a later aisle and sequence', () => {
    const result = planBinLayout({ ...spec, aisles: 1, firstAisle: 3, capacityUnits: 200 }, 13);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value[0]).toMatchObject({
      code: 'A-03-01-A-1',
      pickSequence: 13,
      capacityUnits: 200,
    });
  });

  it.each([
    { type: 'receiving' },
    { type: 'supplier' },
    { zone: '' },
    { aisles: 0 },
    { bays: 100 },
    { levels: 27 },
    { firstAisle: 99 },
    { capacityUnits: -5 },
    { aisles: 50, bays: 50, levels: 5 },
  ])('refuses %j', (change) => {
    const result = planBinLayout({ ...spec, ...change }, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toMatch(/^WAREHOUSE\.INVALID_(LAYOUT|LOCATION)$/);
  });
});

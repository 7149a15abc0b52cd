import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidLocationCode,
  locationCode,
  serpentinePickSequence,
  validateHierarchy,
  validateNewLocation,
} from './location-code.js';

describe('locationCode', () => {
  it('joins the hierarchy outermost first', () => {
    expect(locationCode({ zone: 'A', aisle: '03', bay: '02', level: 'B', bin: '1' })).toBe(
      'A-03-02-B-1',
    );
    expect(locationCode({ zone: 'PF', aisle: '01' })).toBe('PF-01');
  });

  it('accepts label-friendly codes only', () => {
    expect(isValidLocationCode('A-03-02-B-1')).toBe(true);
    expect(isValidLocationCode('IN-TRANSIT')).toBe(true);
    expect(isValidLocationCode('a-1')).toBe(false);
    expect(isValidLocationCode('A--1')).toBe(false);
    expect(isValidLocationCode('-A')).toBe(false);
    expect(isValidLocationCode('A'.repeat(41))).toBe(false);
  });
});

describe('validateHierarchy', () => {
  it('normalises case and blanks', () => {
    const result = validateHierarchy({ zone: ' a ', aisle: '03', bay: '' });
    expect(result).toEqual({
      ok: true,
      value: { zone: 'A', aisle: '03', bay: null, level: null, bin: null },
    });
  });

  it('refuses a part below a missing one and odd characters', () => {
    const gap = validateHierarchy({ zone: 'A', bay: '02' });
    expect(gap.ok || gap.error).toMatchObject({
      code: 'WAREHOUSE.INVALID_LOCATION',
      details: { field: 'aisle' },
    });
    const odd = validateHierarchy({ zone: 'A/1' });
    expect(odd.ok || odd.error).toMatchObject({
      code: 'WAREHOUSE.INVALID_LOCATION',
      details: { field: 'zone' },
    });
  });
});

describe('serpentinePickSequence', () => {
  const grid = { bays: 3, levels: 2 };

  it('walks odd aisles up and even aisles down', () => {
    const order = (aisle: number) =>
      [1, 2, 3].map((bay) => serpentinePickSequence({ aisle, bay, level: 1 }, grid));
    expect(order(1)).toEqual([1, 3, 5]);
    expect(order(2)).toEqual([11, 9, 7]);
    expect(serpentinePickSequence({ aisle: 1, bay: 1, level: 2 }, grid)).toBe(2);
    expect(serpentinePickSequence({ aisle: 3, bay: 1, level: 1 }, grid, 100)).toBe(112);
  });

  it('numbers every slot of a grid exactly once, consecutively from start', () => {
    const dims = fc.record({
      aisles: fc.integer({ min: 1, max: 6 }),
      bays: fc.integer({ min: 1, max: 6 }),
      levels: fc.integer({ min: 1, max: 4 }),
      bins: fc.integer({ min: 1, max: 3 }),
      firstAisle: fc.integer({ min: 1, max: 9 }),
      start: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(dims, ({ aisles, bays, levels, bins, firstAisle, start }) => {
        const size = { bays, levels, binsPerLevel: bins, firstAisle };
        const seen: number[] = [];
        for (let aisle = firstAisle; aisle < firstAisle + aisles; aisle++)
          for (let bay = 1; bay <= bays; bay++)
            for (let level = 1; level <= levels; level++)
              for (let bin = 1; bin <= bins; bin++)
                seen.push(serpentinePickSequence({ aisle, bay, level, bin }, size, start));
        seen.sort((a, b) => a - b);
        expect(seen).toEqual(seen.map((_, i) => start + i));
      }),
    );
  });
});

describe('validateNewLocation', () => {
  it('builds the code from the hierarchy when none is given', () => {
    const result = validateNewLocation({
      type: 'pick_face',
      zone: 'pf',
      aisle: '01',
      bay: '04',
      capacityUnits: 48,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { code: 'PF-01-04', type: 'pick_face', capacityUnits: 48 },
    });
  });

  it('keeps an explicit code, upper-cased', () => {
    const result = validateNewLocation({ type: 'staging', code: 'dock-2' });
    expect(result).toMatchObject({
      ok: true,
      value: { code: 'DOCK-2', zone: null, capacityUnits: null },
    });
  });

  it.each([
    [{ type: 'adjustment', code: 'ADJ-2' }, 'type'],
    [{ type: 'teleporter', code: 'X' }, 'type'],
    [{ type: 'storage', code: 'X', capacityUnits: 0 }, 'capacityUnits'],
    [{ type: 'storage', code: 'X', capacityUnits: 2.5 }, 'capacityUnits'],
    [{ type: 'storage' }, 'code'],
    [{ type: 'storage', code: 'BIN 7' }, 'code'],
  ])('refuses %j (%s)', (draft, field) => {
    const result = validateNewLocation(draft);
    expect(result.ok || result.error).toMatchObject({
      code: 'WAREHOUSE.INVALID_LOCATION',
      details: { field },
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidOn, resolvePrice, type PriceCandidate } from './price-resolver.js';

let nextId = 1;
const row = (over: Partial<PriceCandidate>): PriceCandidate => ({
  id: nextId++,
  origin: 'list',
  packLevel: 'case',
  minQuantity: 1,
  unitPriceMinor: 2400,
  validFrom: null,
  validTo: null,
  ...over,
});
const onDate = '2025-06-15';
const caseOf = (packQuantity: number) => ({
  packLevel: 'case' as const,
  packQuantity,
  packSize: 4,
  onDate,
});

describe('resolvePrice', () => {
  const tiers = [
    row({ minQuantity: 1, unitPriceMinor: 2400 }),
    row({ minQuantity: 10, unitPriceMinor: 2200 }),
    row({ minQuantity: 50, unitPriceMinor: 2000 }),
  ];

  it('picks the highest break at or below the ordered packs', () => {
    expect(resolvePrice(tiers, caseOf(9))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 2400, source: 'list', minQuantity: 1 },
    });
    expect(resolvePrice(tiers, caseOf(10))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 2200, source: 'tier', minQuantity: 10 },
    });
    expect(resolvePrice(tiers, caseOf(500))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 2000, source: 'tier' },
    });
  });

  it('lets a customer price beat every list price, tiers included', () => {
    const own = row({ origin: 'customer', unitPriceMinor: 2300 });
    expect(resolvePrice([...tiers, own], caseOf(60))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 2300, source: 'customer' },
    });
  });

  it('ignores rows not valid on the day: from is inclusive, to exclusive', () => {
    const expired = row({ unitPriceMinor: 1, validTo: onDate });
    const future = row({ unitPriceMinor: 2, validFrom: '2025-06-16' });
    const current = row({ unitPriceMinor: 3, validFrom: onDate, validTo: '2025-06-16' });
    expect(resolvePrice([expired, future, current], caseOf(1))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 3 },
    });
    expect(resolvePrice([expired, future], caseOf(1))).toMatchObject({
      ok: false,
      error: { code: 'PRICING.NO_PRICE' },
    });
  });

  it('prices a pack from the each price when the pack has none', () => {
    const each = [
      row({ packLevel: 'each', unitPriceMinor: 650 }),
      row({ packLevel: 'each', minQuantity: 40, unitPriceMinor: 600 }),
    ];
    expect(resolvePrice(each, caseOf(2))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 2600, pricedLevel: 'each', source: 'list' },
    });
    // 10 cases are 40 eaches: the each tier at 40 applies.
    expect(resolvePrice(each, caseOf(10))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 2400, source: 'tier', minQuantity: 40 },
    });
  });

  it('prefers a later start date, then the newer row, on the same break', () => {
    const old = row({ unitPriceMinor: 100, validFrom: '2025-01-01' });
    const newer = row({ unitPriceMinor: 200, validFrom: '2025-06-01' });
    expect(resolvePrice([newer, old], caseOf(1))).toMatchObject({
      ok: true,
      value: { unitPriceMinor: 200 },
    });
  });

  it('never picks a break above the quantity, always the highest one below (property)', () => {
    const rows = fc.array(
      fc.record({
        minQuantity: fc.integer({ min: 1, max: 100 }),
        unitPriceMinor: fc.integer({ min: 0, max: 10_000 }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 150 }), (drafts, quantity) => {
        const candidates = drafts.map((d) => row(d));
        const result = resolvePrice(candidates, caseOf(quantity));
        const reachable = candidates.filter((c) => c.minQuantity <= quantity);
        if (reachable.length === 0) {
          expect(result.ok).toBe(false);
        } else {
          const best = Math.max(...reachable.map((c) => c.minQuantity));
          expect(result).toMatchObject({ ok: true, value: { minQuantity: best } });
        }
      }),
    );
  });

  it('agrees with isValidOn about which day a dated row holds (property)', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-03-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.option(day), fc.option(day), day, (validFrom, validTo, date) => {
        const only = row({ validFrom, validTo });
        expect(resolvePrice([only], { ...caseOf(1), onDate: date }).ok).toBe(isValidOn(only, date));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPutawayPolicy } from '../../src/core/receiving/default-putaway-policy.js';
import {
  MAX_LOTS_OF_SKU_PER_BIN,
  roomIn,
  type PutawayBin,
} from '../../src/core/receiving/putaway-policy.js';
import {
  checkWithinTolerance,
  lineForSku,
  parseTolerancePct,
  receivingCeiling,
} from '../../src/core/receiving/receipt-rules.js';
import { planFaceRefill, type FaceLevel } from '../../src/core/receiving/replenishment-plan.js';

const SKU = 7;

/** An empty storage bin along the path; override what a case needs. */
function bin(locationId: number, fields: Partial<PutawayBin> = {}): PutawayBin {
  return {
    locationId,
    type: 'storage',
    zone: null,
    pickSequence: locationId,
    capacityUnits: null,
    occupiedUnits: 0,
    sameItemUnits: 0,
    pickFace: null,
    ...fields,
  };
}

function face(locationId: number, max: number, skuUnits: number, fields: Partial<PutawayBin> = {}) {
  return bin(locationId, {
    type: 'pick_face',
    occupiedUnits: skuUnits,
    sameItemUnits: skuUnits,
    pickFace: { skuId: SKU, maxQuantity: max, skuUnits },
    ...fields,
  });
}

const suggest = (quantity: number, bins: PutawayBin[]) =>
  defaultPutawayPolicy.suggest({ skuId: SKU, quantity, bins });

describe('default put-away policy', () => {
  it('fills the pick face up to its max first', () => {
    expect(suggest(6, [bin(1), face(2, 20, 12)])).toEqual([{ locationId: 2, quantity: 6 }]);
    expect(suggest(30, [bin(1), face(2, 20, 12)])).toEqual([
      { locationId: 2, quantity: 8 },
      { locationId: 1, quantity: 22 },
    ]);
  });

  it('skips a full pick face and a pick face of another SKU', () => {
    const other = bin(3, {
      type: 'pick_face',
      pickFace: { skuId: 99, maxQuantity: 50, skuUnits: 0 },
    });
    expect(suggest(5, [face(2, 20, 20), other, bin(4)])).toEqual([{ locationId: 4, quantity: 5 }]);
  });

  it('tops up a reserve bin already holding the SKU before opening an empty one', () => {
    const holding = bin(9, { capacityUnits: 50, occupiedUnits: 30, sameItemUnits: 30 });
    const mixed = bin(5, { capacityUnits: 50, occupiedUnits: 10 });
    expect(suggest(15, [bin(1), mixed, holding])).toEqual([{ locationId: 9, quantity: 15 }]);
  });

  it('once no bin is empty, mixes a new lot into the bin holding fewest lots of the SKU, never past the limit', () => {
    const atLimit = bin(2, { occupiedUnits: 40, skuLots: MAX_LOTS_OF_SKU_PER_BIN });
    const twoLots = bin(3, { occupiedUnits: 40, skuLots: 2 });
    const oneLot = bin(4, { occupiedUnits: 40, skuLots: 1 });
    const otherSku = bin(5, { occupiedUnits: 5 });
    expect(suggest(8, [atLimit, twoLots, oneLot, otherSku])).toEqual([
      { locationId: 4, quantity: 8 },
    ]);
    // An empty bin still comes first; a bin at the limit never takes the lot.
    expect(suggest(8, [oneLot, bin(6)])).toEqual([{ locationId: 6, quantity: 8 }]);
    expect(suggest(8, [atLimit, otherSku])).toEqual([{ locationId: null, quantity: 8 }]);
  });

  it('prefers reserve bins in the pick face zone', () => {
    const bins = [
      face(1, 5, 5, { zone: 'DRY' }),
      bin(2, { zone: 'COLD' }),
      bin(3, { zone: 'DRY' }),
    ];
    expect(suggest(4, bins)).toEqual([{ locationId: 3, quantity: 4 }]);
  });

  it('splits over bins by capacity and leaves what no bin takes unsuggested', () => {
    const bins = [
      face(1, 10, 4, { capacityUnits: 8 }),
      bin(2, { capacityUnits: 10, occupiedUnits: 7, sameItemUnits: 7 }),
      bin(3, { capacityUnits: 12 }),
      bin(4, { capacityUnits: 12, occupiedUnits: 1 }),
    ];
    expect(suggest(25, bins)).toEqual([
      { locationId: 1, quantity: 4 },
      { locationId: 2, quantity: 3 },
      { locationId: 3, quantity: 12 },
      { locationId: null, quantity: 6 },
    ]);
  });

  it('always places exactly the quantity, never beyond a bin’s room (property)', () => {
    const arbBin = fc.record({
      id: fc.integer({ min: 1, max: 40 }),
      face: fc.boolean(),
      capacity: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      occupied: fc.integer({ min: 0, max: 60 }),
      same: fc.integer({ min: 0, max: 60 }),
      max: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbBin, { selector: (b) => b.id, maxLength: 12 }),
        fc.integer({ min: 1, max: 500 }),
        (specs, quantity) => {
          const bins = specs.map((s) => {
            const same = Math.min(s.same, s.occupied);
            return s.face
              ? face(s.id, s.max, same, { capacityUnits: s.capacity, occupiedUnits: s.occupied })
              : bin(s.id, {
                  capacityUnits: s.capacity,
                  occupiedUnits: s.occupied,
                  sameItemUnits: same,
                });
          });
          const plan = suggest(quantity, bins);
          expect(plan.reduce((n, p) => n + p.quantity, 0)).toBe(quantity);
          for (const p of plan) expect(p.quantity).toBeGreaterThan(0);
          for (const b of bins) {
            const here = plan.filter((p) => p.locationId === b.locationId);
            expect(here.length).toBeLessThanOrEqual(1);
            const placed = here[0]?.quantity ?? 0;
            expect(placed).toBeLessThanOrEqual(roomIn(b));
            // A face already over its max (lowered max) takes nothing; else it stops at max.
            if (b.pickFace && placed > 0)
              expect(b.pickFace.skuUnits + placed).toBeLessThanOrEqual(b.pickFace.maxQuantity);
          }
        },
      ),
    );
  });
});

describe('receipt rules', () => {
  const line = {
    id: 1,
    lineNumber: 1,
    skuId: SKU,
    quantityOrdered: 20,
    quantityReceived: 0,
    quantityCancelled: 0,
  };

  it('allows up to ordered × (1 + tolerance), in whole units', () => {
    expect(receivingCeiling(line, 10)).toBe(22);
    expect(receivingCeiling({ ...line, quantityOrdered: 7 }, 10)).toBe(7);
    expect(receivingCeiling({ ...line, quantityCancelled: 10 }, 10)).toBe(11);
    expect(checkWithinTolerance(line, 22, 10).ok).toBe(true);
    const refused = checkWithinTolerance({ ...line, quantityReceived: 20 }, 3, 10);
    expect(refused.ok ? undefined : refused.error.code).toBe('RECEIVING.OVER_TOLERANCE');
  });

  it('books against the first open line of the SKU, else its last line', () => {
    const lines = [
      { ...line, id: 1, quantityReceived: 20 },
      { ...line, id: 2, lineNumber: 2 },
      { ...line, id: 3, lineNumber: 3, skuId: 8 },
    ];
    expect(lineForSku(lines, SKU)?.id).toBe(2);
    expect(lineForSku([lines[0]!], SKU)?.id).toBe(1);
    expect(lineForSku(lines, 99)).toBeUndefined();
  });

  it('reads the tolerance setting, falling back to 10 on nonsense', () => {
    expect(parseTolerancePct(undefined)).toBe(10);
    expect(parseTolerancePct(' 5 ')).toBe(5);
    expect(parseTolerancePct('-3')).toBe(10);
    expect(parseTolerancePct('ten')).toBe(10);
  });
});

describe('pick-face refill plan', () => {
  const level: FaceLevel = {
    locationId: 1,
    skuId: SKU,
    minQuantity: 5,
    maxQuantity: 20,
    onHand: 3,
    available: 3,
    incomingUnits: 0,
    roomUnits: null,
    hasOpenTask: false,
  };
  const stock = () => [
    { locationId: 4, lotId: 2, expiryDate: '2026-09-01', quantity: 30, pickSequence: 1 },
    { locationId: 5, lotId: 3, expiryDate: '2026-06-01', quantity: 10, pickSequence: 9 },
    { locationId: 6, lotId: 4, expiryDate: null, quantity: 30, pickSequence: 0 },
  ];

  it('refills up to max, earliest expiry first', () => {
    expect(planFaceRefill(level, stock())).toEqual([
      { fromLocationId: 5, toLocationId: 1, skuId: SKU, lotId: 3, quantity: 10 },
      { fromLocationId: 4, toLocationId: 1, skuId: SKU, lotId: 2, quantity: 7 },
    ]);
  });

  it('plans nothing at or above min, or with a task already open; respects capacity', () => {
    expect(planFaceRefill({ ...level, available: 5 }, stock())).toEqual([]);
    expect(planFaceRefill({ ...level, hasOpenTask: true }, stock())).toEqual([]);
    expect(planFaceRefill({ ...level, incomingUnits: 2 }, stock())).toEqual([]);
    const topUp = planFaceRefill({ ...level, incomingUnits: 1 }, stock());
    expect(topUp.reduce((n, m) => n + m.quantity, 0)).toBe(16);
    const capped = planFaceRefill({ ...level, roomUnits: 4 }, stock());
    expect(capped.reduce((n, m) => n + m.quantity, 0)).toBe(4);
  });
});

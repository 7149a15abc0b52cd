import { describe, expect, it } from 'vitest';
import {
  allPickedPacked,
  checkCartonWeight,
  verifyPack,
  type PickedLot,
} from './pack-verification.js';

const lot = (
  orderLineId: number,
  lotId: number,
  picked: number,
  packed = 0,
  skuId = 7,
): PickedLot => ({
  orderLineId,
  lineNumber: orderLineId,
  skuId,
  lotId,
  picked,
  packed,
});

describe('pack verification', () => {
  it('books an item against the open picks, oldest line first', () => {
    const result = verifyPack([lot(2, 0, 5), lot(1, 0, 3, 1)], { skuId: 7, lotId: 0, quantity: 4 });
    expect(result).toEqual({
      ok: true,
      value: [
        { orderLineId: 1, skuId: 7, lotId: 0, quantity: 2 },
        { orderLineId: 2, skuId: 7, lotId: 0, quantity: 2 },
      ],
    });
  });

  it('refuses a SKU or lot that was not picked for the order', () => {
    const picks = [lot(1, 11, 5)];
    expect(verifyPack(picks, { skuId: 8, quantity: 1 })).toMatchObject({
      ok: false,
      error: { code: 'PACK.NOT_PICKED' },
    });
    expect(verifyPack(picks, { skuId: 7, lotId: 12, quantity: 1 })).toMatchObject({
      ok: false,
      error: { code: 'PACK.NOT_PICKED' },
    });
  });

  it('refuses more than was picked and not yet packed', () => {
    const result = verifyPack([lot(1, 0, 5, 4)], { skuId: 7, lotId: 0, quantity: 2 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'PACK.OVER_PACK', details: { remaining: 1, requested: 2 } },
    });
  });

  it('takes a lot-less scan when only one lot is open, and asks for the lot when several are', () => {
    expect(verifyPack([lot(1, 11, 2, 2), lot(1, 12, 3)], { skuId: 7, quantity: 3 })).toMatchObject({
      ok: true,
      value: [{ lotId: 12, quantity: 3 }],
    });
    expect(verifyPack([lot(1, 11, 2), lot(1, 12, 3)], { skuId: 7, quantity: 1 })).toMatchObject({
      ok: false,
      error: { code: 'PACK.LOT_REQUIRED' },
    });
  });

  it('refuses a quantity that is not a positive whole number', () => {
    expect(verifyPack([lot(1, 0, 5)], { skuId: 7, lotId: 0, quantity: 0 }).ok).toBe(false);
    expect(verifyPack([lot(1, 0, 5)], { skuId: 7, lotId: 0, quantity: 1.5 }).ok).toBe(false);
  });
});

describe('carton weight', () => {
  it('adds up to the limit and refuses beyond it', () => {
    expect(checkCartonWeight(300, 700, { maxWeightG: 1000 })).toEqual({ ok: true, value: 1000 });
    expect(checkCartonWeight(300, 701, { maxWeightG: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'PACK.OVERWEIGHT', details: { weightG: 1001, maxWeightG: 1000 } },
    });
    expect(checkCartonWeight(0, 99_999, { maxWeightG: null })).toEqual({ ok: true, value: 99_999 });
  });
});

describe('all picked packed', () => {
  it('is true only when something was picked and all of it is in cartons', () => {
    expect(allPickedPacked([])).toBe(false);
    expect(allPickedPacked([lot(1, 0, 3, 3), lot(2, 0, 2, 1)])).toBe(false);
    expect(allPickedPacked([lot(1, 0, 3, 3), lot(2, 0, 2, 2)])).toBe(true);
  });
});

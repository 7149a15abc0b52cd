import { describe, expect, it } from 'vitest';
import {
  checkBinMove,
  checkLotRule,
  checkQuantity,
  isIsoDate,
  type PlaceFacts,
} from './movement.js';

const bin = (id: number, over: Partial<PlaceFacts> = {}): PlaceFacts => ({
  id,
  warehouseId: 1,
  code: `B${id}`,
  type: 'storage',
  virtual: false,
  active: true,
  ...over,
});

describe('movement rules', () => {
  it('accepts whole positive quantities only', () => {
    expect(checkQuantity(1).ok).toBe(true);
    for (const bad of [0, -1, 1.5, Number.NaN, 2e9]) expect(checkQuantity(bad).ok).toBe(false);
  });

  it('requires a lot exactly when the SKU is lot-tracked', () => {
    expect(checkLotRule({ code: 'A', lotTracked: true }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'INVENTORY.LOT_REQUIRED' },
    });
    expect(checkLotRule({ code: 'A', lotTracked: false }, 'L1')).toMatchObject({
      ok: false,
      error: { code: 'INVENTORY.LOT_NOT_TRACKED' },
    });
    expect(checkLotRule({ code: 'A', lotTracked: true }, 'L1').ok).toBe(true);
  });

  it('moves only between real, active bins of one warehouse', () => {
    expect(checkBinMove(bin(1), bin(2)).ok).toBe(true);
    expect(checkBinMove(bin(1), bin(1))).toMatchObject({
      error: { code: 'INVENTORY.SAME_LOCATION' },
    });
    expect(checkBinMove(bin(1), bin(2, { warehouseId: 2 }))).toMatchObject({
      error: { code: 'INVENTORY.OTHER_WAREHOUSE' },
    });
    expect(checkBinMove(bin(1), bin(2, { virtual: true, type: 'customer' }))).toMatchObject({
      error: { code: 'INVENTORY.VIRTUAL_LOCATION' },
    });
    expect(checkBinMove(bin(1), bin(2, { active: false }))).toMatchObject({
      error: { code: 'INVENTORY.LOCATION_INACTIVE' },
    });
  });

  it('knows calendar dates', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('27-02-01')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './carrier.js';
import {
  checkShipComplete,
  isOnTime,
  moveShipment,
  promisedDate,
  statusAfterShipping,
  unshippedAfter,
} from './ship-rules.js';

const line = (orderLineId: number, ordered: number, shipped = 0, cancelled = 0) => ({
  orderLineId,
  ordered,
  shipped,
  cancelled,
});

describe('ship rules', () => {
  it('counts what stays behind after this shipment, ignoring cancelled units', () => {
    const lines = [line(1, 10, 4), line(2, 5, 0, 5)];
    expect(unshippedAfter(lines, new Map([[1, 6]]))).toBe(0);
    expect(unshippedAfter(lines, new Map([[1, 2]]))).toBe(4);
  });

  it('holds a ship-complete order until everything goes at once', () => {
    const lines = [line(1, 10), line(2, 3)];
    expect(checkShipComplete(true, lines, new Map([[1, 10]]))).toMatchObject({
      ok: false,
      error: { code: 'SHIP.INCOMPLETE', details: { unitsLeft: 3 } },
    });
    expect(
      checkShipComplete(
        true,
        lines,
        new Map([
          [1, 10],
          [2, 3],
        ]),
      ).ok,
    ).toBe(true);
    expect(checkShipComplete(false, lines, new Map([[1, 1]])).ok).toBe(true);
  });

  it('makes the order shipped only when nothing is left', () => {
    expect(statusAfterShipping([line(1, 4, 2)], new Map([[1, 2]]))).toBe('shipped');
    expect(statusAfterShipping([line(1, 4, 1)], new Map([[1, 2]]))).toBe('partially_shipped');
  });

  it('promises the requested date (or the ship date) plus working days of transit', () => {
    // 2026-03-06 is a Friday.
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(promisedDate('2026-03-06', '2026-03-02', 3)).toBe('2026-03-11');
    expect(promisedDate(null, '2026-03-02', 3)).toBe('2026-03-05');
    expect(promisedDate(null, '2026-03-02', 0)).toBe('2026-03-02');
  });

  it('is on time on or before the promised date', () => {
    expect(isOnTime('2026-03-05T23:59:00.000Z', '2026-03-05', 'UTC')).toBe(true);
    expect(isOnTime('2026-03-06T00:01:00.000Z', '2026-03-05', 'UTC')).toBe(false);
    expect(isOnTime('2026-03-06T00:01:00.000Z', null, 'UTC')).toBeNull();
  });

  it("reads the delivery as a day at the shipping warehouse, not UTC's", () => {
    // 16:01 PST on 5 March in Los Angeles is already 6 March in UTC.
    expect(isOnTime('2026-03-06T00:01:00.000Z', '2026-03-05', 'America/Los_Angeles')).toBe(true);
    // 08:00 in Sydney on 6 March is still 5 March in UTC.
    expect(isOnTime('2026-03-05T21:00:00.000Z', '2026-03-05', 'Australia/Sydney')).toBe(false);
  });

  it('delivers a shipment once', () => {
    expect(moveShipment('shipped', 'delivered')).toEqual({ ok: true, value: 'delivered' });
    expect(moveShipment('delivered', 'delivered')).toMatchObject({
      ok: false,
      error: { code: 'SHIPMENT.ILLEGAL_TRANSITION' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { settleShortfalls } from './shortfall.js';

const line = (lineId: number, ordered: number, allocated: number) => ({
  lineId,
  ordered,
  allocated,
  cancelled: 0,
});

describe('shortfall settlement', () => {
  it('backorders what is short when the customer takes backorders', () => {
    expect(
      settleShortfalls([line(1, 10, 4), line(2, 3, 3)], {
        allowBackorders: true,
        shipComplete: true,
      }),
    ).toEqual({
      ok: true,
      value: [
        { lineId: 1, backordered: 6, cancelled: 0 },
        { lineId: 2, backordered: 0, cancelled: 0 },
      ],
    });
  });

  it('cancels the shortfall for ship-partial customers without backorders', () => {
    const result = settleShortfalls([line(1, 10, 4)], {
      allowBackorders: false,
      shipComplete: false,
    });
    expect(result).toEqual({ ok: true, value: [{ lineId: 1, backordered: 0, cancelled: 6 }] });
  });

  it('refuses the order when nothing can be held, or anything is short for ship-complete', () => {
    expect(
      settleShortfalls([line(1, 10, 0)], { allowBackorders: false, shipComplete: false }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.INSUFFICIENT_STOCK' } });
    expect(
      settleShortfalls([line(1, 10, 9)], { allowBackorders: false, shipComplete: true }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.INSUFFICIENT_STOCK' } });
  });
});

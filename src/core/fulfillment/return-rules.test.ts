import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
  checkAuthorizable,
  checkReceivable,
  creditFor,
  dispositionSteps,
  isReturnReason,
  moveReturn,
  rmaNumber,
  writeOffValue,
} from './return-rules.js';

describe('RMA lifecycle', () => {
  it('goes authorized → received → closed, or authorized → cancelled', () => {
    expect(moveReturn('authorized', 'received')).toEqual({ ok: true, value: 'received' });
    expect(moveReturn('received', 'closed', { undisposedLines: 0 })).toEqual({
      ok: true,
      value: 'closed',
    });
    expect(moveReturn('authorized', 'cancelled')).toEqual({ ok: true, value: 'cancelled' });
  });

  it('refuses to cancel received goods, reopen, or skip receiving', () => {
    for (const [from, to] of [
      ['received', 'cancelled'],
      ['closed', 'received'],
      ['cancelled', 'authorized'],
      ['authorized', 'closed'],
    ] as const) {
      const result = moveReturn(from, to);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('RETURN.ILLEGAL_TRANSITION');
    }
  });

  it('will not close while a received line waits for its disposition', () => {
    const result = moveReturn('received', 'closed', { undisposedLines: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('RETURN.TRANSITION_REFUSED');
  });

  it('ends in closed or cancelled and nowhere else', () => {
    const terminal = RETURN_STATUSES.filter((s) => RETURN_TRANSITIONS[s].length === 0);
    expect(terminal).toEqual(['closed', 'cancelled']);
  });
});

describe('authorizing', () => {
  const line = { orderLineId: 7, quantityShipped: 10, authorizedElsewhere: 4 };

  it('allows up to shipped less what other RMAs authorized', () => {
    expect(checkAuthorizable(line, 6)).toEqual({ ok: true, value: 6 });
  });

  it('refuses more as RETURN.OVER_AUTHORIZED, saying how much is left', () => {
    const result = checkAuthorizable(line, 7);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'RETURN.OVER_AUTHORIZED', details: { returnable: 6, requested: 7 } },
    });
  });

  it('refuses zero, negative and fractional quantities', () => {
    for (const q of [0, -1, 1.5]) {
      expect(checkAuthorizable(line, q)).toMatchObject({
        ok: false,
        error: { code: 'RETURN.INVALID_QUANTITY' },
      });
    }
  });

  it('never lets the RMAs of a line add up to more than was shipped', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.array(fc.integer({ min: 1, max: 60 })), (shipped, asks) => {
        let authorized = 0;
        for (const ask of asks) {
          const result = checkAuthorizable(
            { orderLineId: 1, quantityShipped: shipped, authorizedElsewhere: authorized },
            ask,
          );
          if (result.ok) authorized += result.value;
        }
        expect(authorized).toBeLessThanOrEqual(shipped);
      }),
    );
  });

  it('knows the reasons', () => {
    expect(isReturnReason('wrong_item')).toBe(true);
    expect(isReturnReason('changed_mind')).toBe(false);
  });
});

describe('receiving', () => {
  it('takes 0 up to the authorized quantity', () => {
    const line = { returnLineId: 3, quantityAuthorized: 5 };
    expect(checkReceivable(line, 0)).toEqual({ ok: true, value: 0 });
    expect(checkReceivable(line, 5)).toEqual({ ok: true, value: 5 });
    expect(checkReceivable(line, 6)).toMatchObject({
      ok: false,
      error: { code: 'RETURN.OVER_RECEIVED' },
    });
  });
});

describe('credit', () => {
  it('credits eaches at the each price', () => {
    expect(creditFor({ quantityOrdered: 10, packQuantity: 10, unitPriceMinor: 500 }, 3)).toBe(1500);
  });

  it('credits eaches of a case line at the case price per each', () => {
    // 3 cases of 4 at 18.00: each is 4.50.
    expect(creditFor({ quantityOrdered: 12, packQuantity: 3, unitPriceMinor: 1800 }, 5)).toBe(2250);
  });

  it('rounds half up once per line', () => {
    // Cases of 4 at 17.99: one each is 4.4975 → 4.50; three are 13.4925 → 13.49.
    const line = { quantityOrdered: 4, packQuantity: 1, unitPriceMinor: 1799 };
    expect(creditFor(line, 1)).toBe(450);
    expect(creditFor(line, 3)).toBe(1349);
    expect(creditFor(line, 4)).toBe(1799);
    expect(creditFor(line, 0)).toBe(0);
  });

  it('never credits more than the line cost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 160 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.nat(),
        (packs, packSize, price, seed) => {
          const line = {
            quantityOrdered: packs * packSize,
            packQuantity: packs,
            unitPriceMinor: price,
          };
          const returned = seed % (line.quantityOrdered + 1);
          const credit = creditFor(line, returned);
          expect(credit).toBeGreaterThanOrEqual(0);
          expect(credit).toBeLessThanOrEqual(packs * price);
          if (returned === line.quantityOrdered) expect(credit).toBe(packs * price);
        },
      ),
    );
  });
});

describe('dispositions', () => {
  it('restocks to a bin, quarantines, sends back to the vendor in one step', () => {
    expect(dispositionSteps('restock')).toEqual([{ to: 'bin', type: 'move' }]);
    expect(dispositionSteps('quarantine')).toEqual([{ to: 'quarantine', type: 'status_change' }]);
    expect(dispositionSteps('return_to_vendor')).toEqual([
      { to: 'supplier', type: 'return', reasonCode: 'return_to_vendor' },
    ]);
  });

  it('writes damaged goods off from DAMAGED to SCRAP with reason damaged', () => {
    expect(dispositionSteps('damaged').map((s) => s.to)).toEqual(['damaged', 'scrap']);
    expect(dispositionSteps('damaged')[1]).toMatchObject({
      type: 'adjustment',
      reasonCode: 'damaged',
    });
    expect(writeOffValue(3, 649)).toBe(1947);
  });

  it('numbers RMAs for people', () => {
    expect(rmaNumber(42)).toBe('RMA-000042');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asnStatus } from './asn-status.js';

describe('asnStatus', () => {
  it('follows the dock: expected, partially received, received (with discrepancies)', () => {
    const facts = { containers: 3, scanned: 0, itemDiscrepancies: 0, closed: false };
    expect(asnStatus(facts)).toBe('expected');
    expect(asnStatus({ ...facts, scanned: 2 })).toBe('partially_received');
    expect(asnStatus({ ...facts, scanned: 3 })).toBe('received');
    expect(asnStatus({ ...facts, scanned: 3, itemDiscrepancies: 1 })).toBe(
      'received_with_discrepancies',
    );
    expect(asnStatus({ ...facts, scanned: 2, closed: true })).toBe('received_with_discrepancies');
  });

  it('is final and clean only when every container came and nothing was off', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(3), fc.boolean(), (n, s, d, closed) => {
        const scanned = Math.min(n, s);
        const status = asnStatus({ containers: n, scanned, itemDiscrepancies: d, closed });
        expect(status === 'received').toBe((closed || scanned === n) && scanned === n && d === 0);
      }),
    );
  });
});

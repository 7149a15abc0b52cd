import { describe, expect, it } from 'vitest';
import {
  describeSsccReceipt,
  type SsccReceipt,
} from '../../web/src/screens/warehouse/sscc-receipt.js';

const receipt = (over: Partial<SsccReceipt> = {}): SsccReceipt => ({
  asnId: 1,
  sscc: '006141410000011018',
  containersReceived: ['006141410000011018', '006141410000011032'],
  receipts: [{ receiptId: 9, skuId: 2, quantity: 20, putawayTaskIds: [4, 5] }],
  notBooked: [],
  asnStatus: 'partially_received',
  ...over,
});

describe('SSCC scan feedback on the handheld', () => {
  it('says what came in with the pallet', () => {
    expect(describeSsccReceipt(receipt())).toEqual({
      tone: 'success',
      text: 'Received 006141410000011018 with 1 carton(s): 20 unit(s) in 1 receipt(s), 2 put-away task(s).',
    });
  });

  it('warns and names the lines to set aside when something was not booked', () => {
    const said = describeSsccReceipt(
      receipt({
        containersReceived: ['006141410000011032'],
        sscc: '006141410000011032',
        notBooked: [
          { sscc: 'x', lineRef: '3', skuId: 4, quantity: 5, discrepancy: 'not_on_po' },
          { sscc: 'x', lineRef: '4', skuId: null, quantity: null, discrepancy: 'unknown_item' },
        ],
      }),
    );
    expect(said.tone).toBe('warning');
    expect(said.text).toMatch(/^Received 006141410000011032: 20 unit/);
    expect(said.text).toMatch(
      /Set aside, not booked: line 3 \(not on the PO\), line 4 \(unknown item\)\.$/,
    );
  });
});

import { useState } from 'react';
import { operationId, post } from '../../api/client';
import { problemOf } from '../../ui/ProblemBox';
import { FeedbackLine, useScanFeedback } from '../../ui/ScanFeedback';
import { ScanInput } from '../../ui/ScanInput';
import { describeSsccReceipt, type SsccReceipt } from './sscc-receipt';

/**
 * Receiving a pallet or carton whose supplier sent a ship notice (856): one scan of its SSCC
 * label books everything the notice put in it, with its lots and expiry, against the PO.
 */
export function ReceiveSscc({ warehouseId }: { warehouseId: number }) {
  const { feedback, say } = useScanFeedback();
  const [busy, setBusy] = useState(false);
  const onScan = async (scan: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await post<SsccReceipt>(
        '/receiving/sscc-scans',
        { warehouseId, scan },
        operationId(),
      );
      const { tone, text } = describeSsccReceipt(r);
      say(tone, text);
    } catch (error) {
      const problem = problemOf(error);
      say('error', `Refused: ${problem.detail} (${problem.code})`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h2>Pallet or carton with a ship notice</h2>
      <ScanInput label="Scan SSCC label (00)" onScan={(s) => void onScan(s)} disabled={busy} />
      <FeedbackLine feedback={feedback} />
    </>
  );
}

import { useState } from 'react';
import { get, operationId, post } from '../../api/client';
import { problemOf, ProblemBox } from '../../ui/ProblemBox';
import { FeedbackLine, SoundToggle, useScanFeedback } from '../../ui/ScanFeedback';
import { ScanInput } from '../../ui/ScanInput';
import { useApi } from '../../ui/useApi';
import type { PurchaseOrderDetail, Receipt } from './receiving-types';

interface Props {
  poId: number;
  onBack: () => void;
  onPutAway: () => void;
}

/**
 * Receiving one PO by scan: each GTIN (each or case) or GS1-128 label is one receipt, checked
 * by the server against the PO's open lines. A refusal shows the API's own reason and code,
 * in red with the error sound; every scan carries a fresh operation id, so a resend of the
 * same scan after a dropped answer cannot book the goods twice.
 */
export function ReceivePo({ poId, onBack, onPutAway }: Props) {
  const po = useApi(() => get<PurchaseOrderDetail>(`/purchase-orders/${poId}`), `po-${poId}`);
  const { feedback, say, sound, setSound } = useScanFeedback();
  const [damaged, setDamaged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [toPutAway, setToPutAway] = useState(0);

  const onScan = async (scan: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const body = damaged ? { scan, damaged: true } : { scan };
      const r = await post<Receipt>(`/purchase-orders/${poId}/receipts`, body, operationId());
      const sku = po.data?.lines.find((l) => l.skuId === r.skuId)?.skuCode ?? `SKU ${r.skuId}`;
      setToPutAway((n) => n + r.putawayTaskIds.length);
      say(
        r.damaged ? 'warning' : 'success',
        r.damaged
          ? `Booked ${r.quantity} × ${sku} as damaged.`
          : `Received ${r.quantity} × ${sku}. ${r.putawayTaskIds.length} put-away task(s).`,
      );
      po.reload();
    } catch (error) {
      const problem = problemOf(error);
      say('error', `Refused: ${problem.detail} (${problem.code})`);
    } finally {
      setBusy(false);
    }
  };

  const data = po.data;
  const open = data?.lines.reduce((n, l) => n + l.quantityOpen, 0) ?? 0;
  return (
    <>
      <h2>
        {data ? `PO ${data.number}` : `PO ${poId}`}{' '}
        {data?.supplierCode && <span className="muted">{data.supplierCode}</span>}
      </h2>
      <ProblemBox problem={po.problem} />
      {data && (
        <p className="progress" data-testid="po-open">
          {open > 0 ? `${open} still to receive` : 'Everything on this PO is received.'}
        </p>
      )}
      <ScanInput
        label="Scan product (GTIN or GS1-128)"
        onScan={(s) => void onScan(s)}
        disabled={busy}
      />
      <FeedbackLine feedback={feedback} />
      {data && (
        <table className="data" aria-label={`Lines of PO ${data.number}`}>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Ordered</th>
              <th scope="col">Received</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((l) => (
              <tr key={l.id} data-testid={`po-line-${l.lineNumber}`}>
                <td>{l.skuCode}</td>
                <td className="num">{l.quantityOrdered}</td>
                <td className="num">{l.quantityReceived}</td>
                <td className="num">{l.quantityOpen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <label className="inline">
          <input type="checkbox" checked={damaged} onChange={(e) => setDamaged(e.target.checked)} />{' '}
          Damaged on arrival
        </label>
        <SoundToggle sound={sound} onChange={setSound} />
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onPutAway}>
          Go to put-away{toPutAway > 0 ? ` (${toPutAway} new)` : ''}
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onBack}>
          Other PO
        </button>
      </div>
    </>
  );
}

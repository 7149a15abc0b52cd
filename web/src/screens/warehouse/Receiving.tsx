import { useState } from 'react';
import { get, type Page } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi } from '../../ui/useApi';
import { WarehouseSelect } from '../../ui/WarehouseSelect';
import { PutAway } from './PutAway';
import { ReceivePo } from './ReceivePo';
import { ReceiveSscc } from './ReceiveSscc';
import type { PurchaseOrderHead } from './receiving-types';
import { day } from '../../ui/format';

type Step = 'receive' | 'putaway';

/**
 * The dock's handheld screen: receive a pallet or carton announced by a supplier's ship notice
 * by its SSCC label, or a sent PO by scanning what came off the truck, then put
 * it away by scanning the bin each task's goods went into. Only one scan field is on screen at
 * a time, so the scanner always types into the step at hand.
 */
export function Receiving() {
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [step, setStep] = useState<Step>('receive');
  const [poId, setPoId] = useState<number | null>(null);
  return (
    <section className="handheld" aria-labelledby="recv-title">
      <h1 id="recv-title">Receive and put away</h1>
      <WarehouseSelect
        value={warehouseId}
        onChange={(id) => {
          setWarehouseId(id);
          setPoId(null);
        }}
      />
      <div className="actions" role="group" aria-label="Step">
        {(['receive', 'putaway'] as const).map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={step === s}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setStep(s)}
          >
            {s === 'receive' ? 'Receive' : 'Put away'}
          </button>
        ))}
      </div>
      {warehouseId !== null && step === 'receive' && poId === null && (
        <>
          <ReceiveSscc warehouseId={warehouseId} />
          <PoChooser warehouseId={warehouseId} onChoose={setPoId} />
        </>
      )}
      {step === 'receive' && poId !== null && (
        <ReceivePo poId={poId} onBack={() => setPoId(null)} onPutAway={() => setStep('putaway')} />
      )}
      {warehouseId !== null && step === 'putaway' && <PutAway warehouseId={warehouseId} />}
    </section>
  );
}

/** Sent POs of the warehouse, one big button each. */
function PoChooser(props: { warehouseId: number; onChoose: (id: number) => void }) {
  const list = useApi(
    () =>
      get<Page<PurchaseOrderHead>>('/purchase-orders', {
        status: 'sent',
        warehouseId: props.warehouseId,
        limit: 100,
      }),
    `po-${props.warehouseId}`,
  );
  const items = list.data?.items ?? [];
  return (
    <>
      <h2>Purchase orders to receive</h2>
      <ProblemBox problem={list.problem} />
      {list.loading && !list.data && <p>Loading purchase orders…</p>}
      {list.data && items.length === 0 && <p>Nothing expected.</p>}
      <ul className="big-buttons">
        {items.map((po) => (
          <li key={po.id}>
            <button type="button" className="button big" onClick={() => props.onChoose(po.id)}>
              Receive {po.number}
              <span className="hint">
                {po.supplierCode ?? `Supplier ${po.supplierId}`}
                {po.expectedDate ? ` · expected ${day(po.expectedDate)}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

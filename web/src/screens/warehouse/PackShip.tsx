import { useState, type MouseEvent } from 'react';
import { get, operationId, post } from '../../api/client';
import type { OrderDetail } from '../../api/types';
import { beep, type Feedback } from '../../ui/feedback';
import { problemOf, ProblemBox } from '../../ui/ProblemBox';
import { ScanInput } from '../../ui/ScanInput';
import { useApi } from '../../ui/useApi';
import { useNames } from '../../ui/useNames';
import {
  linesToPack,
  orderIdOf,
  packStep,
  serviceChoices,
  type Carrier,
  type Carton,
  type PackStep,
  type Shipment,
} from './pack-flow';
import { plural } from '../../ui/format';

const INSTRUCTION: Record<PackStep, string> = {
  'open-carton': 'Open a carton',
  'scan-items': 'Scan items into the carton',
  'close-carton': 'Everything is packed: close the carton',
  ship: 'Choose the carrier and ship',
  shipped: 'Shipped: print the labels',
};

/** Buttons on a handheld never keep focus, so a scanner's Enter cannot press them. */
const keepScanFocus = (e: MouseEvent) => e.preventDefault();

/**
 * Packing and shipping on a handheld: scan the order, open a carton, scan items into it,
 * close it, ship with a carrier, then read the tracking numbers and print labels and the
 * packing slip. Each step says what to do next and what is still to pack.
 */
export function PackShip() {
  const [orderId, setOrderId] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [carrier, setCarrier] = useState('');
  const [busy, setBusy] = useState(false);
  const key = String(orderId);
  const order = useApi(
    () => (orderId ? get<OrderDetail>(`/orders/${orderId}`) : Promise.resolve(undefined)),
    key,
  );
  const cartons = useApi(async () => {
    if (!orderId) return [];
    const body = await get<Carton[] | { items: Carton[] }>(`/orders/${orderId}/cartons`);
    return Array.isArray(body) ? body : body.items;
  }, key);
  const shipments = useApi(
    () => (orderId ? get<Shipment[]>(`/orders/${orderId}/shipments`) : Promise.resolve([])),
    key,
  );
  const carriers = useApi(() => get<Carrier[]>('/carriers'), 'carriers');
  const toPack = linesToPack(order.data?.lines ?? [], cartons.data ?? []);
  const skuNames = useNames(
    'skus',
    toPack.map((l) => l.skuId),
  );
  const open = (cartons.data ?? []).find((c) => c.status === 'open');
  const step = packStep(toPack, cartons.data ?? []);
  const choices = serviceChoices(carriers.data ?? []);
  const chosen = carrier || choices[0]?.value || '';

  const refresh = () => {
    order.reload();
    cartons.reload();
    shipments.reload();
  };
  const say = (f: Feedback) => {
    setFeedback(f);
    beep(f.tone);
  };
  const act = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await work();
      say({ tone: 'success', message: success });
      refresh();
    } catch (error) {
      const problem = problemOf(error);
      say({ tone: 'error', message: `Refused: ${problem.detail} (${problem.code})` });
    } finally {
      setBusy(false);
    }
  };

  const chooseOrder = (scan: string) => {
    const id = orderIdOf(scan);
    if (!id) return say({ tone: 'error', message: `Scanned ${scan}: not an order number.` });
    setFeedback(null);
    setOrderId(id);
  };

  const onScan = (scan: string) => {
    if (!orderId || /^SO-/i.test(scan)) return chooseOrder(scan);
    if (!open) return say({ tone: 'warning', message: `Scanned ${scan}. ${INSTRUCTION[step]}.` });
    void act(
      () => post(`/cartons/${open.id}/items`, { scan }, operationId()),
      `Packed ${scan} into carton ${open.id}.`,
    );
  };

  const ship = () => {
    const [carrierCode = '', service = ''] = chosen.split('|');
    void act(
      () => post(`/orders/${orderId}/ship`, { carrierCode, service }),
      `Order ${order.data?.orderNumber ?? orderId} shipped.`,
    );
  };

  const carrierName = (code: string, service: string) => {
    const c = carriers.data?.find((x) => x.code === code);
    const s = c?.services.find((x) => x.code === service);
    return `${c?.name ?? code} — ${s?.name ?? service}`;
  };

  return (
    <section className="handheld" aria-labelledby="pack-title">
      <h1 id="pack-title">
        {orderId ? `Pack order ${order.data?.orderNumber ?? orderId}` : 'Pack and ship'}
      </h1>
      <p className="instruction" data-testid="pack-step" data-step={orderId ? step : 'scan-order'}>
        {!orderId ? 'Scan the order number' : INSTRUCTION[step]}
      </p>
      <ScanInput label={orderId ? 'Scan item' : 'Scan order'} onScan={onScan} disabled={busy} />
      {feedback && (
        <div
          className={`feedback feedback-${feedback.tone}`}
          role="status"
          aria-live="assertive"
          data-tone={feedback.tone}
        >
          {feedback.message}
        </div>
      )}
      <ProblemBox problem={order.problem ?? cartons.problem ?? carriers.problem} />
      {orderId && (
        <>
          {toPack.length > 0 && (
            <ul className="to-pack" aria-label="Picked lines" data-testid="to-pack">
              {toPack.map((l) => (
                <li key={l.lineId} data-left={l.left}>
                  {skuNames.get(l.skuId) ?? `Line ${l.lineNumber}`}: {l.packed} of {l.picked} packed
                </li>
              ))}
            </ul>
          )}
          <ul className="cartons" aria-label="Cartons">
            {(cartons.data ?? []).map((c) => (
              <li key={c.id}>
                Carton {c.id} {c.sscc ? `SSCC ${c.sscc}` : ''} — {c.status},{' '}
                {plural(
                  c.contents.reduce((n, i) => n + i.quantity, 0),
                  'unit',
                )}{' '}
                <a href={`/api/v1/cartons/${c.id}/label.pdf`} target="_blank" rel="noreferrer">
                  Label carton {c.id}
                </a>
              </li>
            ))}
          </ul>
          <div className="actions">
            {step === 'open-carton' && (
              <button
                type="button"
                className="primary big"
                disabled={busy}
                onMouseDown={keepScanFocus}
                onClick={() =>
                  void act(() => post(`/orders/${orderId}/cartons`, {}), 'Carton opened.')
                }
              >
                Open carton
              </button>
            )}
            {open && (
              <button
                type="button"
                className={step === 'close-carton' ? 'primary big' : 'big'}
                disabled={busy}
                onMouseDown={keepScanFocus}
                onClick={() =>
                  void act(() => post(`/cartons/${open.id}/close`), `Carton ${open.id} closed.`)
                }
              >
                Close carton {open.id}
              </button>
            )}
            {step === 'ship' && (
              <>
                <label>
                  Carrier
                  <select value={chosen} onChange={(e) => setCarrier(e.target.value)}>
                    {choices.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="primary big"
                  disabled={busy || !chosen}
                  onMouseDown={keepScanFocus}
                  onClick={ship}
                >
                  Ship
                </button>
              </>
            )}
            <a
              className="button"
              href={`/api/v1/orders/${orderId}/packing-slip.pdf`}
              target="_blank"
              rel="noreferrer"
            >
              Print packing slip
            </a>
            <button
              type="button"
              className="link"
              onMouseDown={keepScanFocus}
              onClick={() => {
                setOrderId(null);
                setFeedback(null);
              }}
            >
              Other order
            </button>
          </div>
          {(shipments.data ?? []).length > 0 && (
            <ul className="shipments" aria-label="Shipments" data-testid="shipments">
              {(shipments.data ?? []).map((s) => (
                <li key={s.id}>
                  Shipment {s.id}: {carrierName(s.carrierCode, s.service)}.{' '}
                  {s.status === 'booking_failed' ? (
                    <span data-testid="booking-failed">
                      The carrier refused the booking: {s.bookingError?.message} (
                      {s.bookingError?.code}).{' '}
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          void act(
                            () => post(`/shipments/${s.id}/retry-booking`, {}, operationId()),
                            `Shipment ${s.id}: booking retried.`,
                          )
                        }
                      >
                        Retry booking
                      </button>
                    </span>
                  ) : s.status === 'booking' ? (
                    'Booking with the carrier…'
                  ) : s.trackingNumbers.length > 0 ? (
                    <>
                      Tracking{' '}
                      {s.trackingNumbers.map((t) => (
                        <span key={t} className="tracking" data-testid="tracking">
                          {t}{' '}
                        </span>
                      ))}
                    </>
                  ) : (
                    'No tracking (collected at the dock).'
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

import { useState } from 'react';
import { get, post } from '../../api/client';
import { beep, type Feedback } from '../../ui/feedback';
import { problemOf, ProblemBox } from '../../ui/ProblemBox';
import { ScanInput } from '../../ui/ScanInput';
import { useApi } from '../../ui/useApi';

interface Carton {
  id: number;
  status: string;
  sscc?: string | null;
  items?: { skuId: number; quantity: number }[];
}

interface Carrier {
  code: string;
  name: string;
  services: string[];
}

/**
 * Packing and shipping on a handheld: scan the order, open a carton, scan items into it,
 * close it, ship with a carrier, then print the labels and the packing slip.
 */
export function PackShip() {
  const [orderId, setOrderId] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const cartons = useApi(async () => {
    if (!orderId) return [];
    const body = await get<Carton[] | { items: Carton[] }>(`/orders/${orderId}/cartons`);
    return Array.isArray(body) ? body : body.items;
  }, String(orderId));
  const carriers = useApi(() => get<Carrier[]>('/carriers'), 'carriers');
  const [carrier, setCarrier] = useState('');
  const open = (cartons.data ?? []).find((c) => c.status === 'open');

  const say = (f: Feedback) => {
    setFeedback(f);
    beep(f.tone);
  };
  const act = async (work: () => Promise<unknown>, success: string) => {
    try {
      await work();
      say({ tone: 'success', message: success });
      cartons.reload();
    } catch (error) {
      say({ tone: 'error', message: problemOf(error).detail });
    }
  };

  const onScan = (scan: string) => {
    if (!orderId) {
      setOrderId(Number(scan.replace(/\D/g, '')));
      return;
    }
    if (!open) return say({ tone: 'warning', message: 'Open a carton first.' });
    void act(
      () => post(`/cartons/${open.id}/items`, { scan }),
      `Packed ${scan} into carton ${open.id}.`,
    );
  };

  const first = carriers.data?.[0];
  const chosen = carrier || (first ? `${first.code}|${first.services[0] ?? ''}` : '');
  return (
    <section className="handheld" aria-labelledby="pack-title">
      <h1 id="pack-title">{orderId ? `Pack order ${orderId}` : 'Pack and ship'}</h1>
      <p className="instruction">
        {!orderId ? 'Scan the order number' : open ? 'Scan items into the carton' : 'Open a carton'}
      </p>
      <ScanInput label={orderId ? 'Scan item' : 'Scan order'} onScan={onScan} />
      {feedback && (
        <div
          className={`feedback feedback-${feedback.tone}`}
          role="status"
          data-tone={feedback.tone}
        >
          {feedback.message}
        </div>
      )}
      <ProblemBox problem={cartons.problem} />
      {orderId && (
        <>
          <ul className="cartons">
            {(cartons.data ?? []).map((c) => (
              <li key={c.id}>
                Carton {c.id} {c.sscc ? `SSCC ${c.sscc}` : ''} — {c.status}{' '}
                {c.status === 'open' && (
                  <button
                    type="button"

                    onClick={() =>
                      void act(() => post(`/cartons/${c.id}/close`), `Carton ${c.id} closed.`)
                    }
                  >
                    Close
                  </button>
                )}{' '}
                <a href={`/api/v1/cartons/${c.id}/label.pdf`} target="_blank" rel="noreferrer">
                  Label
                </a>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"

              className="big"
              onClick={() =>
                void act(() => post(`/orders/${orderId}/cartons`, {}), 'Carton opened.')
              }
            >
              Open carton
            </button>
            <label>
              Carrier
              <select value={chosen} onChange={(e) => setCarrier(e.target.value)}>
                {(carriers.data ?? []).flatMap((c) =>
                  c.services.map((s) => (
                    <option key={`${c.code}|${s}`} value={`${c.code}|${s}`}>
                      {c.name} {s}
                    </option>
                  )),
                )}
              </select>
            </label>
            <button
              type="button"

              className="primary big"
              onClick={() => {
                const [carrierCode = '', service = ''] = chosen.split('|');
                void act(
                  () => post(`/orders/${orderId}/ship`, { carrierCode, service }),
                  `Order ${orderId} shipped.`,
                );
              }}
            >
              Ship
            </button>
            <a
              className="button"
              href={`/api/v1/orders/${orderId}/packing-slip.pdf`}
              target="_blank"
              rel="noreferrer"
            >
              Print packing slip
            </a>
            <button type="button" className="link" onClick={() => setOrderId(null)}>
              Other order
            </button>
          </div>
        </>
      )}
    </section>
  );
}

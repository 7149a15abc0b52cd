import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, operationId, post } from '../../api/client';
import { problemOf, ProblemBox } from '../../ui/ProblemBox';
import { FeedbackLine, SoundToggle, useScanFeedback } from '../../ui/ScanFeedback';
import { ScanInput } from '../../ui/ScanInput';
import { useApi } from '../../ui/useApi';
import {
  addScan,
  setKeyed,
  submissionLines,
  type CountTaskDetail,
  type Entry,
} from './count-types';
import { KeyedEntry } from './KeyedEntry';

interface Submitted {
  status: string;
  linesCounted: number;
  recountTaskId: number | null;
}

/**
 * A blind count at one bin. Scanning the bin starts the count (the server notes where the
 * ledger stood, so picks during the count are accounted for); then every product scan is one
 * pack, or a SKU is keyed with its quantity. No system quantity is ever shown here.
 */
export function CountTask() {
  const taskId = Number(useParams().id);
  const task = useApi(() => get<CountTaskDetail>(`/count-tasks/${taskId}`), `count-${taskId}`);
  const { feedback, say, sound, setSound } = useScanFeedback();
  const [binOk, setBinOk] = useState<string | null>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  const data = task.data;

  if (!data) {
    return (
      <section className="handheld">
        <h1>Count {taskId}</h1>
        <ProblemBox problem={task.problem} />
        {task.loading && <p>Loading count…</p>}
      </section>
    );
  }
  const isBin = (s: string) => s === data.locationBarcode || s === data.locationCode;
  const nameOf = (scan: string) => {
    const digits = scan.replace(/^0+/, '');
    return (
      data.expectedItems?.find((i) => i.gtin !== null && i.gtin.replace(/^0+/, '') === digits)
        ?.skuCode ?? scan
    );
  };

  const onScan = async (scan: string) => {
    if (busy) return;
    if (!binOk) {
      if (!isBin(scan))
        return say('error', `Wrong bin: scanned ${scan}, expected ${data.locationCode}.`);
      setBusy(true);
      try {
        if (!data.startedAt) await post(`/count-tasks/${taskId}/start`, {}, operationId());
        setBinOk(scan);
        say('info', `Bin ${data.locationCode} confirmed. Scan each product, or key a SKU.`);
      } catch (error) {
        const p = problemOf(error);
        say('error', `Refused: ${p.detail} (${p.code})`);
      } finally {
        setBusy(false);
      }
      return;
    }
    if (isBin(scan)) return say('info', `Already counting ${data.locationCode}.`);
    setEntries((list) => addScan(list, scan, nameOf(scan)));
    say('success', `Counted one ${nameOf(scan)}.`);
    void packOf(scan).then((label) => {
      if (label) setEntries((list) => list.map((e) => (e.scan === scan ? { ...e, label } : e)));
    });
  };

  const submit = async () => {
    setBusy(true);
    try {
      const body = { locationScan: binOk!, lines: submissionLines(entries) };
      const result = await post<Submitted>(`/count-tasks/${taskId}/submit`, body, operationId());
      setDone(result);
      say('success', 'Count sent.');
    } catch (error) {
      const p = problemOf(error);
      say('error', `Refused: ${p.detail} (${p.code})`);
    } finally {
      setBusy(false);
    }
  };

  const open = data.status === 'open' && !done;
  return (
    <section className="handheld" aria-labelledby="count-title">
      <h1 id="count-title">
        Count {data.locationCode} <span className="muted">{data.reason}</span>
      </h1>
      {open ? (
        <>
          <div className="task" data-testid="count-task">
            <div className="instruction">
              {binOk
                ? 'Scan each product, or key a SKU and quantity'
                : `Scan bin ${data.locationCode}`}
            </div>
            <div className="where">{data.locationCode}</div>
            {data.expectedItems && data.expectedItems.length > 0 && (
              <div className="muted">
                Look for: {data.expectedItems.map((i) => i.skuCode).join(', ')}
              </div>
            )}
          </div>
          <ScanInput
            label={binOk ? 'Scan product' : 'Scan bin'}
            onScan={(s) => void onScan(s)}
            disabled={busy}
          />
        </>
      ) : (
        <p className="feedback feedback-success" data-testid="count-done">
          {done
            ? done.recountTaskId
              ? `Sent. The difference is large: recount ${done.recountTaskId} was asked for.`
              : `Sent for approval (${done.linesCounted} line(s)).`
            : `This count is ${data.status}.`}{' '}
          <Link to="/warehouse/counts">Back to counts</Link>
        </p>
      )}
      <FeedbackLine feedback={feedback} />
      {open && binOk && (
        <>
          <KeyedEntry
            items={data.expectedItems ?? []}
            onAdd={(skuId, lotCode, quantity, label) =>
              setEntries((list) => setKeyed(list, skuId, lotCode, quantity, label))
            }
          />
          <table className="data" aria-label="Counted so far">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Counted</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.key}>
                  <td>{e.label}</td>
                  <td className="num">
                    {e.quantity}
                    {e.scan !== undefined ? ' pk' : ' ea'}
                  </td>
                  <td>
                    <button
                      type="button"
                      onMouseDown={(ev) => ev.preventDefault()}
                      aria-label={`Remove ${e.label}`}
                      onClick={() => setEntries((list) => list.filter((x) => x !== e))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
              {entries.length === 0 && (
                <tr>
                  <td colSpan={3}>Nothing counted yet (an empty bin is a count of zero).</td>
                </tr>
              )}
            </tbody>
          </table>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void submit()}
            >
              Submit count
            </button>
          </div>
        </>
      )}
      <SoundToggle sound={sound} onChange={setSound} />
    </section>
  );
}

/** "DOG-DRY-2KG-1 case" for a plain GTIN scan (any pack level); null when it is not one. */
async function packOf(scan: string): Promise<string | null> {
  if (!/^\d{8,14}$/.test(scan)) return null;
  try {
    const match = await get<{ level: string; sku: { code: string } }>(`/gtins/${scan}`);
    return `${match.sku.code} ${match.level}`;
  } catch {
    // An unknown barcode stays as scanned; the server names it when the count is sent.
    return null;
  }
}

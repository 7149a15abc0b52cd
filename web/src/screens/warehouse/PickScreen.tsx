import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get, operationId, post } from '../../api/client';
import type { PickList } from '../../api/types';
import { beep, type Feedback, type Tone } from '../../ui/feedback';
import { casesAndEaches } from '../../ui/format';
import { problemOf, ProblemBox } from '../../ui/ProblemBox';
import { ScanInput } from '../../ui/ScanInput';
import { useApi } from '../../ui/useApi';
import { anyBin, isBin, position } from './pick-flow';

interface Picked {
  quantity: number;
  remaining: number;
  waveStatus: string;
}

/**
 * Picking a wave by scan. Each step says what to scan; the bin is checked here, the product
 * by the server (GTIN, case GTIN or GS1-128), and each scan carries an operation id so a resend
 * cannot pick twice. Wrong scans are named with what was expected, in red and with a sound.
 */
export function PickScreen() {
  const waveId = Number(useParams().waveId);
  const list = useApi(() => get<PickList>(`/waves/${waveId}/pick-list`), String(waveId));
  const [binScanned, setBinScanned] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [sound, setSound] = useState(true);
  const [busy, setBusy] = useState(false);

  const say = useCallback(
    (tone: Tone, message: string) => {
      setFeedback({ tone, message });
      if (sound) beep(tone);
    },
    [sound],
  );

  if (!list.data) {
    return (
      <section className="handheld">
        <h1>Wave {waveId}</h1>
        <ProblemBox problem={list.problem} />
        {list.loading && <p>Loading pick list…</p>}
      </section>
    );
  }
  const data = list.data;
  const at = position(data);
  const task = at.task;
  const binOk = task !== null && binScanned === task.taskId;

  const onScan = async (scan: string) => {
    if (!task || busy) return;
    if (!binOk) {
      if (isBin(scan, task.location)) {
        setBinScanned(task.taskId);
        return say('info', `Bin ${task.location.code} confirmed. Scan product ${task.sku.code}.`);
      }
      return say('error', `Wrong bin: scanned ${scan}, expected ${task.location.code}.`);
    }
    const bin = anyBin(scan, data);
    if (bin) {
      if (isBin(scan, task.location)) return say('info', `Already at ${task.location.code}.`);
      return say('warning', `Scanned bin ${bin.code}; finish ${task.location.code} first.`);
    }
    setBusy(true);
    try {
      const result = await post<Picked>(
        `/pick-tasks/${task.taskId}/confirm`,
        { locationScan: task.location.barcode ?? task.location.code, itemScan: scan },
        operationId(),
      );
      say(
        'success',
        `Picked ${result.quantity} × ${task.sku.code}. ${
          result.remaining > 0 ? `${result.remaining} left here.` : 'Line done.'
        }`,
      );
      list.reload();
    } catch (error) {
      say('error', problemOf(error).detail);
    } finally {
      setBusy(false);
    }
  };

  const short = async () => {
    if (!task) return;
    try {
      await post(`/pick-tasks/${task.taskId}/short`, {
        quantity: task.remaining,
        reason: 'not in bin',
      });
      say(
        'warning',
        `Short pick reported: ${task.remaining} × ${task.sku.code} at ${task.location.code}.`,
      );
      list.reload();
    } catch (error) {
      say('error', problemOf(error).detail);
    }
  };

  return (
    <section className="handheld" aria-labelledby="pick-title">
      <h1 id="pick-title">
        Wave {data.wave.id} <span className="muted">{data.wave.pickMode}</span>
      </h1>
      {task ? (
        <>
          <p className="progress" data-testid="pick-progress">
            Pick {at.number} of {at.total}
          </p>
          <div className="task" data-testid="pick-task">
            <div className="instruction">
              {binOk ? `Scan product ${task.sku.code}` : `Scan bin ${task.location.code}`}
            </div>
            <div className="where">{task.location.code}</div>
            <div className="what">
              {task.sku.code} <span className="muted">{task.sku.name}</span>
            </div>
            {task.lot && <div>Lot {task.lot.code}</div>}
            <div className="qty">
              Take {casesAndEaches(task.remaining, task.caseQuantity)}
              {task.tote ? ` → tote ${task.tote}` : ''}
            </div>
            {task.orders.length > 1 && (
              <ul className="put" aria-label="Put to orders">
                {task.orders.map((o) => (
                  <li key={o.orderId}>
                    Order {o.orderId}: {o.pickedQuantity} of {o.quantity}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ScanInput
            label={binOk ? 'Scan product' : 'Scan bin'}
            onScan={(s) => void onScan(s)}
            disabled={busy}
          />
        </>
      ) : (
        <p className="feedback feedback-success" data-testid="wave-done">
          All picks of wave {data.wave.id} are done. <Link to="/warehouse/pack">Go to packing</Link>
        </p>
      )}
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
      {at.next && (
        <p className="next">
          Next: {at.next.location.code} · {at.next.sku.code}
        </p>
      )}
      <div className="actions">
        {task && (
          <button
            type="button"

            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void short()}
          >
            Short pick
          </button>
        )}
        <label className="inline">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />{' '}
          Sound
        </label>
      </div>
    </section>
  );
}

/** Choose a wave by scanning or typing its number. */
export function PickStart() {
  const navigate = useNavigate();
  return (
    <section className="handheld" aria-labelledby="pick-start-title">
      <h1 id="pick-start-title">Pick</h1>
      <ScanInput
        label="Scan or type the wave number"
        onScan={(s) => void navigate(`/warehouse/pick/${s.replace(/^W/i, '')}`)}
      />
      <p>
        Or <Link to="/warehouse/waves">release a new wave</Link>.
      </p>
    </section>
  );
}

import { useState } from 'react';
import { get, operationId, post } from '../../api/client';
import { problemOf, ProblemBox } from '../../ui/ProblemBox';
import { FeedbackLine, SoundToggle, useScanFeedback } from '../../ui/ScanFeedback';
import { ScanInput } from '../../ui/ScanInput';
import { useApi } from '../../ui/useApi';
import type { MoveTask } from './receiving-types';

/**
 * Put-away by scan: the open tasks in pick-path order, the current one large, and one scan of
 * the bin the goods went into confirms it. The server decides whether the bin is acceptable
 * (the suggestion is a suggestion), so a refusal shows its reason as the API gave it.
 */
export function PutAway({ warehouseId }: { warehouseId: number }) {
  const tasks = useApi(
    () =>
      get<{ items: MoveTask[] }>('/move-tasks', { warehouseId, kind: 'putaway', status: 'open' }),
    `putaway-${warehouseId}`,
  );
  const { feedback, say, sound, setSound } = useScanFeedback();
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const items = tasks.data?.items ?? [];
  const task = items.find((t) => t.id === chosen) ?? items[0];

  const onScan = async (scan: string) => {
    if (!task || busy) return;
    setBusy(true);
    try {
      await post(`/move-tasks/${task.id}/confirm`, { scan }, operationId());
      say('success', `Put away ${task.quantity} × ${task.skuCode} at ${scan}.`);
      setChosen(null);
      tasks.reload();
    } catch (error) {
      const problem = problemOf(error);
      say('error', `Refused: ${problem.detail} (${problem.code})`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>Put away</h2>
      <ProblemBox problem={tasks.problem} />
      {tasks.loading && !tasks.data && <p>Loading put-away tasks…</p>}
      {tasks.data && !task && (
        <p className="feedback feedback-success" data-testid="putaway-done">
          Nothing to put away.
        </p>
      )}
      {task && (
        <>
          <p className="progress" data-testid="putaway-progress">
            Put-away {items.indexOf(task) + 1} of {items.length}
          </p>
          <div className="task" data-testid="putaway-task" data-task-id={task.id}>
            <div className="instruction">
              {task.suggestedLocationCode
                ? `Scan bin ${task.suggestedLocationCode}`
                : 'Scan the bin you put it in'}
            </div>
            <div className="where">{task.suggestedLocationCode ?? '—'}</div>
            <div className="what">{task.skuCode}</div>
            {task.lotCode && <div>Lot {task.lotCode}</div>}
            <div className="qty">
              Move {task.quantity} from {task.fromLocationCode}
            </div>
          </div>
          <ScanInput label="Scan bin" onScan={(s) => void onScan(s)} disabled={busy} />
        </>
      )}
      <FeedbackLine feedback={feedback} />
      {items.length > 1 && (
        <ul className="task-choices" aria-label="Other put-away tasks">
          {items
            .filter((t) => t !== task)
            .map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => setChosen(t.id)}
                >
                  {t.skuCode} × {t.quantity} → {t.suggestedLocationCode ?? 'any bin'}
                </button>
              </li>
            ))}
        </ul>
      )}
      <div className="actions">
        <SoundToggle sound={sound} onChange={setSound} />
      </div>
    </>
  );
}

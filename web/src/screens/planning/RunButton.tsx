import { useState } from 'react';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';
import { runStatus, startRun, type Run } from './planning-api';

/** Starts a replenishment run and shows its progress until it finishes. */
export function RunButton({ onDone }: { onDone: () => void }) {
  const [run, setRun] = useState<Run | null>(null);
  const command = useCommand();

  const start = async () => {
    const started = await command.run(startRun);
    if (!started) return;
    setRun(started);
    let current = started;
    while (current.status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      const next = await command.run(() => runStatus(started.id));
      if (!next) return;
      current = next;
      setRun(next);
    }
    onDone();
  };

  const percent = run ? progressOf(run) : 0;
  return (
    <div className="run">
      <button type="button" onClick={() => void start()} disabled={command.busy}>
        Run replenishment
      </button>
      {run && (
        <label>
          Run {run.id}: {run.status}
          {run.status === 'done' ? ` (${run.suggestions ?? 0} suggestions)` : ''}
          {run.error ? ` — ${run.error}` : ''}
          <progress max={100} value={percent}>
            {percent}%
          </progress>
        </label>
      )}
      <ProblemBox problem={command.problem} />
    </div>
  );
}

function progressOf(run: Run): number {
  if (run.status === 'done') return 100;
  return run.progressTotal ? ((run.progressDone ?? 0) / run.progressTotal) * 100 : 0;
}

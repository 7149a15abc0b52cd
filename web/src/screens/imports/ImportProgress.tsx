import { useEffect, useState } from 'react';
import { get, type Problem } from '../../api/client';
import { problemOf, ProblemBox } from '../../ui/ProblemBox';
import { fractionDone, isRunning, nextDelayMs, type ImportJob } from './import-job';

/** Polls stop after this many failed answers in a row; the last problem stays on screen. */
const GIVE_UP_AFTER = 8;

/**
 * A running import's progress bar, polling GET /imports/{id}. Defensive: a lost answer backs
 * off and retries, a 404 (no such job, or the route not there yet) stops at once, and polling
 * ends when the screen does.
 */
export function ImportProgress({ jobId, first }: { jobId: number; first: ImportJob | null }) {
  const [job, setJob] = useState<ImportJob | null>(first);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [retrying, setRetrying] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const next = await get<ImportJob>(`/imports/${jobId}`);
        if (!live) return;
        failures = 0;
        setJob(next);
        setProblem(null);
        setRetrying(false);
        if (isRunning(next)) timer = window.setTimeout(() => void poll(), nextDelayMs(0));
      } catch (error) {
        if (!live) return;
        const p = problemOf(error);
        setProblem(p);
        failures += 1;
        const hopeless = p.status === 404 || p.status === 403 || failures >= GIVE_UP_AFTER;
        setRetrying(!hopeless);
        if (!hopeless) timer = window.setTimeout(() => void poll(), nextDelayMs(failures));
      }
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);

  const fraction = job ? fractionDone(job) : null;
  const running = !job || isRunning(job);
  return (
    <div className="import-job" data-testid="import-job" data-status={job?.status ?? 'unknown'}>
      <h2>
        Import {jobId}
        {job?.fileName ? ` · ${job.fileName}` : ''}
        {job?.dryRun ? ' (dry run)' : ''}
      </h2>
      <label>
        {running ? 'Importing…' : job?.status === 'failed' ? 'Import failed' : 'Import done'}{' '}
        <progress
          max={1}
          {...(fraction === null ? {} : { value: fraction })}
          aria-valuetext={fraction === null ? 'working' : `${Math.round(fraction * 100)} %`}
        />
      </label>
      <p aria-live="polite">
        {job?.rowsRead ?? job?.progress?.rows ?? 0} rows read · {job?.rowsImported ?? 0} imported ·{' '}
        {job?.rowsRejected ?? 0} refused
      </p>
      {job?.failure && (
        <p className="feedback feedback-error" role="alert">
          {job.failure}
        </p>
      )}
      {retrying && <p className="muted">No answer from the server; trying again…</p>}
      <ProblemBox problem={problem} />
      {job && !running && (job.rowsRejected ?? 0) > 0 && (
        <a className="button" href={`/api/v1/imports/${jobId}/errors?format=csv`} download>
          Refused rows (CSV)
        </a>
      )}
    </div>
  );
}

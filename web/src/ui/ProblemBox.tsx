import type { Problem } from '../api/client';
import { ProblemError } from '../api/client';

/** Turns anything thrown by a call into the problem to show. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  return {
    status: 0,
    code: 'CLIENT.ERROR',
    title: 'CLIENT.ERROR',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/**
 * The API's problem details as the user should see them: what went wrong (detail), the
 * stable code (for support), and which fields were refused. Announced to screen readers.
 */
export function ProblemBox({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div className="problem" role="alert" data-code={problem.code}>
      <strong>{problem.detail}</strong>
      <div className="problem-code">
        {problem.code}
        {problem.status ? ` · HTTP ${problem.status}` : ''}
      </div>
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>
              <code>{e.field || 'request'}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

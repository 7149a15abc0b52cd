import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, operationId, post } from '../../api/client';
import { money } from '../../ui/format';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import type { CountTaskDetail } from './count-types';

/**
 * A manager's decision on a counted bin: each line's system and counted quantity, the variance
 * and its value at cost. Approve posts the variances as count adjustments; reject asks for a
 * new blind count of the bin.
 */
export function CountReview() {
  const taskId = Number(useParams().id);
  const task = useApi(() => get<CountTaskDetail>(`/count-tasks/${taskId}`), `review-${taskId}`);
  const command = useCommand();
  const [decided, setDecided] = useState<string | null>(null);
  const data = task.data;

  const decide = async (action: 'approve' | 'reject') => {
    const done = await command.run(() =>
      post(`/count-tasks/${taskId}/${action}`, {}, operationId()),
    );
    if (done !== undefined) {
      setDecided(action === 'approve' ? 'Approved: variances posted.' : 'Rejected: recount asked.');
      task.reload();
    }
  };

  const net = data?.lines.reduce((n, l) => n + (l.varianceValueMinor ?? 0), 0) ?? 0;
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">
        Count {taskId}
        {data ? ` at ${data.locationCode}` : ''}
      </h1>
      <ProblemBox problem={task.problem ?? command.problem} />
      {data && (
        <>
          <p>
            Status <strong data-testid="count-status">{data.status}</strong>
            {data.countedBy ? ` · counted by ${data.countedBy}` : ''}
          </p>
          <table className="data" aria-label="Variances">
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Lot</th>
                <th scope="col">System</th>
                <th scope="col">Counted</th>
                <th scope="col">Variance</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((l, i) => (
                <tr key={i} data-testid={`variance-${l.skuCode}`}>
                  <td>{l.skuCode}</td>
                  <td>{l.lotCode ?? '—'}</td>
                  <td className="num">{l.systemQuantity ?? '—'}</td>
                  <td className="num">{l.countedQuantity}</td>
                  <td className="num" data-variance={l.variance}>
                    {l.variance === undefined
                      ? '—'
                      : l.variance > 0
                        ? `+${l.variance}`
                        : l.variance}
                  </td>
                  <td className="num">{money(l.varianceValueMinor)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  Net value
                </th>
                <td className="num">{money(net)}</td>
              </tr>
            </tfoot>
          </table>
          {data.status === 'counted' && (
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={command.busy}
                onClick={() => void decide('approve')}
              >
                Approve
              </button>
              <button type="button" disabled={command.busy} onClick={() => void decide('reject')}>
                Reject (recount)
              </button>
            </div>
          )}
          {decided && (
            <p className="feedback feedback-success" role="status">
              {decided}
            </p>
          )}
        </>
      )}
      <p>
        <Link to="/warehouse/counts">All counts</Link>
      </p>
    </section>
  );
}

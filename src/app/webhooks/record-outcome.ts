import type { Database } from '../../adapters/db/database.js';
import type { ClaimedDelivery } from './claim-deliveries.js';

/** What the receiver did with one attempt. */
export interface DeliveryOutcome {
  statusCode: number | null;
  error: string | null;
}

export type DeliveryState = 'succeeded' | 'retrying' | 'dead';

/** 410 Gone is the receiver saying "stop": the endpoint is disabled, not retried. */
export const GONE = 410;

function stateOf(outcome: DeliveryOutcome, retryDelayMs: number | null): DeliveryState {
  const code = outcome.statusCode;
  if (code !== null && code >= 200 && code < 300) return 'succeeded';
  if (code === GONE || retryDelayMs === null) return 'dead';
  return 'retrying';
}

/**
 * Books an attempt: done on 2xx; on failure the next attempt after the backoff, or the dead
 * letter when the schedule is spent. Only while this holder still has the claim: if its lease
 * ran out and another process took the row, that process's result counts.
 */
export async function recordOutcome(
  database: Database,
  holder: string,
  delivery: ClaimedDelivery,
  outcome: DeliveryOutcome,
  timing: { now: Date; retryDelayMs: number | null },
): Promise<DeliveryState> {
  const state = stateOf(outcome, timing.retryDelayMs);
  const nowIso = timing.now.toISOString();
  const error =
    outcome.error ?? (state === 'succeeded' ? null : `HTTP ${outcome.statusCode ?? '?'}`);
  await database.write(async (trx) => {
    const next =
      state === 'retrying' ? new Date(timing.now.getTime() + timing.retryDelayMs!) : timing.now;
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: state === 'retrying' ? 'pending' : state,
        next_attempt_at: next.toISOString(),
        lease_holder: null,
        lease_expires_at: null,
        last_status_code: outcome.statusCode,
        last_error: error,
        ...(state === 'succeeded' ? { delivered_at: nowIso } : {}),
      })
      .where('id', '=', delivery.id)
      .where('status', '=', 'delivering')
      .where('lease_holder', '=', holder)
      .execute();
    if (outcome.statusCode === GONE) {
      await trx
        .updateTable('webhook_endpoints')
        .set({
          status: 'disabled',
          disabled_reason: `receiver answered 410 Gone at ${nowIso}`,
          updated_at: nowIso,
        })
        .where('id', '=', delivery.endpointId)
        .where('status', '=', 'active')
        .execute();
    }
  });
  return state;
}

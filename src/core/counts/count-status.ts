import { transition, type TransitionTable } from '../shared/fsm.js';
import type { Result } from '../shared/result.js';

/** Why a bin is counted: a picker found less, the cycle plan, a recount, or a manager asked. */
export const COUNT_REASONS = ['short_pick', 'cycle', 'recount', 'adhoc'] as const;
export type CountReason = (typeof COUNT_REASONS)[number];

export const COUNT_STATUSES = ['open', 'counted', 'recount', 'approved', 'cancelled'] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];

/**
 * A task is open until its counter submits (counted); a manager approves the figures
 * (approved, the variances posted) or sends it back (recount: a new blind task replaces it).
 * A submission over the recount threshold goes straight to recount. recount is final for
 * the task itself: its successor carries the count on.
 */
export const COUNT_TRANSITIONS: TransitionTable<CountStatus> = {
  open: ['counted', 'recount', 'cancelled'],
  counted: ['approved', 'recount'],
  recount: [],
  approved: [],
  cancelled: [],
};

/** `COUNT.ILLEGAL_TRANSITION` when the task's state does not allow the move. */
export function moveCount(from: CountStatus, to: CountStatus): Result<CountStatus> {
  return transition('COUNT', COUNT_TRANSITIONS, from, to);
}

/** Statuses in which a task still stands for a pending count of its location. */
export const ACTIVE_COUNT_STATUSES: readonly CountStatus[] = ['open', 'counted'];

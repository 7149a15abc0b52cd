import { fail, ok, type Result } from './result.js';

/** A state machine as data: each state lists the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** A guard refuses a transition with a reason, or allows it by returning undefined. */
export type Guard<S extends string, C> = (from: S, to: S, context: C) => string | undefined;

/**
 * One generic runner for every lifecycle (orders, waves, purchase orders, counts…).
 * Returns the new state, or a failure with code `<area>.ILLEGAL_TRANSITION`.
 */
export function transition<S extends string, C = undefined>(
  area: string,
  table: TransitionTable<S>,
  from: S,
  to: S,
  context?: C,
  guards: readonly Guard<S, C>[] = [],
): Result<S> {
  if (!table[from].includes(to)) {
    return fail(`${area}.ILLEGAL_TRANSITION`, `Cannot go from ${from} to ${to}`, {
      from,
      to,
      allowed: table[from],
    });
  }
  for (const guard of guards) {
    const reason = guard(from, to, context as C);
    if (reason) return fail(`${area}.TRANSITION_REFUSED`, reason, { from, to });
  }
  return ok(to);
}

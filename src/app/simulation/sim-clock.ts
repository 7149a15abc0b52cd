import type { AppContext } from '../context.js';

/**
 * The simulated clock: the simulation moves it forward through each day, and every use case
 * that asks `ctx.now()` (backorder fills, count generation, replenishment runs, leases) sees
 * simulated time rather than the wall clock.
 */
export class SimClock {
  #now: Date;

  constructor(start: Date) {
    this.#now = new Date(start);
  }

  readonly now = (): Date => new Date(this.#now);

  /** Moves to `to`; the clock never goes back, so timestamps stay in order within a run. */
  set(to: Date): void {
    if (to.getTime() > this.#now.getTime()) this.#now = new Date(to);
  }
}

/** The application context with its clock replaced by the simulated one. */
export function simulatedContext(ctx: AppContext, clock: SimClock): AppContext {
  return { database: ctx.database, policies: ctx.policies, now: clock.now };
}

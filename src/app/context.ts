import type { Database } from '../adapters/db/database.js';

/** What every use case gets: the store and the clock (passed in, so tests can fix time). */
export interface AppContext {
  readonly database: Database;
  readonly now: () => Date;
}

export function isoNow(ctx: AppContext): string {
  return ctx.now().toISOString();
}

import type { Database } from '../adapters/db/database.js';
import type { AllocationPolicy } from '../core/orders/allocation-policy.js';
import { defaultAllocationPolicy } from '../core/orders/default-allocation-policy.js';

/** The business decisions a wholesaler may replace, each behind a small interface. */
export interface Policies {
  readonly allocation: AllocationPolicy;
}

export const DEFAULT_POLICIES: Policies = { allocation: defaultAllocationPolicy };

/** What every use case gets: the store, the clock (passed in, so tests can fix time), the policies. */
export interface AppContext {
  readonly database: Database;
  readonly now: () => Date;
  readonly policies: Policies;
}

export function isoNow(ctx: AppContext): string {
  return ctx.now().toISOString();
}

/** Who may do what. Each API route names the roles it allows; there is no implicit access. */
export const ROLES = ['admin', 'manager', 'planner', 'sales', 'warehouse', 'customer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Convenience sets used by route declarations. */
export const STAFF: readonly Role[] = ['admin', 'manager', 'planner', 'sales', 'warehouse'];
export const STOCK_WRITERS: readonly Role[] = ['admin', 'manager', 'warehouse'];
export const MASTER_DATA_WRITERS: readonly Role[] = ['admin', 'manager'];

/** The principal behind a request: an API key (or, later, a signed-in user). */
export interface Actor {
  /** Stable label written to the ledger and timelines, e.g. `key:12`. */
  readonly id: string;
  readonly role: Role;
  /** Set for customer-role keys: the one account they may see. */
  readonly customerId: number | null;
  readonly apiKeyId: number;
}

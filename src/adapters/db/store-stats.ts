/**
 * What a store has done since it opened, counted where it happens (the benches read it, so a
 * figure like statements per order is counted, not estimated).
 */
export interface StoreStats {
  /** SQLite: statements executed on either connection. PostgreSQL: round trips to the server. */
  statements: number;
  /** SQLite: WAL syncs, one per group-committed batch. PostgreSQL: 0 (the server syncs). */
  commitSyncs: number;
}

/** A counter the connections bump; one per store. */
export class StatementCounter {
  count = 0;
}

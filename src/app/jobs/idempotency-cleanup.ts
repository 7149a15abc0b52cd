import type { Database } from '../../adapters/db/database.js';

/** How long a stored reply answers retries: well past any client's retry window (≥ 24 h). */
export const IDEMPOTENCY_KEEP_HOURS = 48;

/**
 * Forgets idempotency keys older than the retention window, so the table stays small. A retry
 * after that is treated as a new request. Safe with several processes (a plain delete).
 */
export async function forgetOldIdempotencyKeys(
  database: Database,
  now: Date,
  keepHours = IDEMPOTENCY_KEEP_HOURS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - keepHours * 3_600_000).toISOString();
  const result = await database.write((trx) =>
    trx.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst(),
  );
  return Number(result.numDeletedRows);
}

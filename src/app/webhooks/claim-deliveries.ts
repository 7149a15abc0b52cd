import { sql, type ExpressionBuilder } from 'kysely';
import { isPostgres, type Database, type Tx } from '../../adapters/db/database.js';
import type { Tables } from '../../adapters/db/schema.js';

/** A delivery this process has claimed: everything needed to send it without another read. */
export interface ClaimedDelivery {
  id: number;
  endpointId: number;
  url: string;
  attempts: number;
  eventId: string;
  eventType: string;
  body: string;
  secrets: { secret: string; previous: string | null; previousExpiresAt: string | null };
}

export interface ClaimOptions {
  holder: string;
  limit: number;
  /** No endpoint gets more than this many requests at once, from all processes together. */
  maxInFlightPerEndpoint: number;
  leaseMs: number;
}

const isDue = (nowIso: string) => (eb: DueBuilder) =>
  eb.or([
    eb.and([
      eb('webhook_deliveries.status', '=', 'pending'),
      eb('webhook_deliveries.next_attempt_at', '<=', nowIso),
    ]),
    eb.and([
      eb('webhook_deliveries.status', '=', 'delivering'),
      eb('webhook_deliveries.lease_expires_at', '<', nowIso),
    ]),
  ]);
type DueBuilder = ExpressionBuilder<Tables, 'webhook_deliveries'>;

/**
 * Active endpoints with due rows (pending and due, or claimed by a process whose lease ran out:
 * it died mid-send), the longest-waiting first, so one endpoint's backlog cannot starve others.
 */
async function endpointsWithDueWork(trx: Tx, nowIso: string, limit: number) {
  const rows = await trx
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints as e', 'e.id', 'webhook_deliveries.endpoint_id')
    .select('webhook_deliveries.endpoint_id')
    .where('e.status', '=', 'active')
    .where(isDue(nowIso))
    .groupBy('webhook_deliveries.endpoint_id')
    .orderBy(sql`min(webhook_deliveries.next_attempt_at)`)
    .limit(limit)
    .execute();
  return rows.map((r) => r.endpoint_id);
}

/** The oldest due rows of one endpoint. */
async function dueOfEndpoint(trx: Tx, endpointId: number, nowIso: string, limit: number) {
  const rows = await trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('endpoint_id', '=', endpointId)
    .where(isDue(nowIso))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Requests each endpoint has in flight now (live leases), after its row is locked. */
async function inFlightByEndpoint(trx: Tx, endpointIds: number[], nowIso: string) {
  if (isPostgres(trx)) {
    // Locking the endpoints (in id order) makes claims for one endpoint take turns, so two
    // processes cannot both see room for N more and send 2N.
    await trx
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('id', 'in', endpointIds)
      .orderBy('id')
      .forUpdate()
      .execute();
  }
  const rows = await trx
    .selectFrom('webhook_deliveries')
    .select(['endpoint_id', sql<number>`count(*)`.as('n')])
    .where('endpoint_id', 'in', endpointIds)
    .where('status', '=', 'delivering')
    .where('lease_expires_at', '>=', nowIso)
    .groupBy('endpoint_id')
    .execute();
  return new Map(rows.map((r) => [r.endpoint_id, Number(r.n)]));
}

/**
 * Claims due deliveries under a lease, at most `maxInFlightPerEndpoint` per endpoint counting
 * what other processes hold. The UPDATE re-checks that each row is still due, so a row another
 * process took in the meantime is skipped. Each claim counts as an attempt.
 */
export async function claimDeliveries(
  database: Database,
  now: Date,
  options: ClaimOptions,
): Promise<ClaimedDelivery[]> {
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  const ids = await database.write(async (trx) => {
    const endpointIds = await endpointsWithDueWork(trx, nowIso, options.limit);
    if (endpointIds.length === 0) return [];
    const busy = await inFlightByEndpoint(
      trx,
      [...endpointIds].sort((a, b) => a - b),
      nowIso,
    );
    const picked: number[] = [];
    for (const endpointId of endpointIds) {
      const room = Math.min(
        options.maxInFlightPerEndpoint - (busy.get(endpointId) ?? 0),
        options.limit - picked.length,
      );
      if (room > 0) picked.push(...(await dueOfEndpoint(trx, endpointId, nowIso, room)));
    }
    if (picked.length === 0) return [];
    const claimed = await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: 'delivering',
        lease_holder: options.holder,
        lease_expires_at: leaseUntil,
        last_attempt_at: nowIso,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', picked)
      .where(isDue(nowIso))
      .returning('id')
      .execute();
    return claimed.map((c) => c.id);
  });
  return ids.length === 0 ? [] : loadClaimed(database, ids);
}

async function loadClaimed(database: Database, ids: number[]): Promise<ClaimedDelivery[]> {
  const rows = await database.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .innerJoin('outbox_events as o', 'o.id', 'd.outbox_id')
    .select([
      'd.id',
      'd.endpoint_id',
      'd.attempts',
      'd.event_id',
      'd.event_type',
      'e.url',
      'e.secret',
      'e.previous_secret',
      'e.previous_secret_expires_at',
      'o.aggregate_type',
      'o.aggregate_id',
      'o.payload',
      'o.created_at',
    ])
    .where('d.id', 'in', ids)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    url: r.url,
    attempts: r.attempts,
    eventId: r.event_id,
    eventType: r.event_type,
    body: webhookBody(r),
    secrets: {
      secret: r.secret,
      previous: r.previous_secret,
      previousExpiresAt: r.previous_secret_expires_at,
    },
  }));
}

/** The JSON a receiver gets: Standard Webhooks' `type`, `timestamp`, `data`, plus ids. */
export function webhookBody(r: {
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: string;
  created_at: string;
}): string {
  return JSON.stringify({
    id: r.event_id,
    type: r.event_type,
    timestamp: r.created_at,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    data: JSON.parse(r.payload) as unknown,
  });
}

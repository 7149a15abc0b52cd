import type { Selectable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { WebhookDeliveryTable } from '../../adapters/db/schema-webhooks.js';
import { fail, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';

type DeliveryRow = Selectable<WebhookDeliveryTable>;

export interface DeliveryView {
  id: number;
  endpointId: number;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export function deliveryView(row: DeliveryRow): DeliveryView {
  const waiting = row.status === 'pending' || row.status === 'delivering';
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: waiting ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

export interface DeliveryFilter {
  endpointId?: number | undefined;
  status?: string | undefined;
  eventType?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Deliveries newest first (limit + 1 rows, for paging); `status: 'dead'` is the dead letter. */
export async function listDeliveries(db: Tx, filter: DeliveryFilter): Promise<DeliveryView[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll();
  if (filter.endpointId !== undefined) query = query.where('endpoint_id', '=', filter.endpointId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.eventType !== undefined) query = query.where('event_type', '=', filter.eventType);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return rows.map(deliveryView);
}

const REPLAY = {
  status: 'pending',
  attempts: 0,
  lease_holder: null,
  lease_expires_at: null,
} as const;

/** Sends a dead-lettered delivery again from the start of the retry schedule. */
export async function replayDelivery(trx: Tx, id: number, now: Date): Promise<DeliveryView> {
  const row = await trx
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) must(fail('WEBHOOKS.DELIVERY_NOT_FOUND', `No webhook delivery ${id}`));
  if (row!.status !== 'dead') {
    must(
      fail('WEBHOOKS.ILLEGAL_TRANSITION', 'Only a dead-lettered delivery can be replayed', {
        deliveryStatus: row!.status,
      }),
    );
  }
  const updated = await trx
    .updateTable('webhook_deliveries')
    .set({ ...REPLAY, next_attempt_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .returningAll()
    .executeTakeFirstOrThrow();
  return deliveryView(updated);
}

/** Replays every dead delivery of an endpoint (e.g. after its receiver was fixed). */
export async function replayDeadForEndpoint(trx: Tx, endpointId: number, now: Date) {
  await mustHaveEndpoint(trx, endpointId);
  const result = await trx
    .updateTable('webhook_deliveries')
    .set({ ...REPLAY, next_attempt_at: now.toISOString() })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return { endpointId, replayed: Number(result.numUpdatedRows) };
}

/**
 * Queues a `webhook.ping` for one endpoint only (internal events are never fanned out), so an
 * admin can check a receiver and its signature verification. The next dispatcher run sends it.
 */
export async function queuePing(trx: Tx, endpointId: number, now: Date) {
  const nowIso = now.toISOString();
  await mustHaveEndpoint(trx, endpointId);
  const eventId = await appendEvent(
    trx,
    {
      type: 'webhook.ping',
      aggregateType: 'webhook_endpoint',
      aggregateId: endpointId,
      payload: { endpointId, at: nowIso },
    },
    nowIso,
  );
  const outbox = await trx
    .selectFrom('outbox_events')
    .select('id')
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('webhook_deliveries')
    .values({
      endpoint_id: endpointId,
      outbox_id: outbox.id,
      event_id: eventId,
      event_type: 'webhook.ping',
      status: 'pending',
      attempts: 0,
      next_attempt_at: nowIso,
      created_at: nowIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return deliveryView(row);
}

async function mustHaveEndpoint(trx: Tx, endpointId: number): Promise<void> {
  const endpoint = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('id', '=', endpointId)
    .executeTakeFirst();
  if (!endpoint) must(fail('WEBHOOKS.ENDPOINT_NOT_FOUND', `No webhook endpoint ${endpointId}`));
}

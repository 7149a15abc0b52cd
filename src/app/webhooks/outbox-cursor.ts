import { isPostgres, type Tx } from '../../adapters/db/database.js';
import type { OutboxEventTable } from '../../adapters/db/schema.js';
import type { Selectable } from 'kysely';

export type OutboxEvent = Selectable<OutboxEventTable>;

/**
 * How long a hole in outbox ids may be a transaction still committing. On PostgreSQL ids come
 * from a sequence, so id 7 can become visible before id 6; a sink that moved its watermark past
 * 6 would lose it. A sink therefore stops at a young gap and only skips it once it is older
 * than this (then it was a rolled-back insert).
 */
export const OUTBOX_GAP_WAIT_MS = 30_000;

/**
 * Locks this sink's watermark row for the transaction (PostgreSQL: FOR UPDATE, so two
 * processes read the outbox for one sink one after the other) and returns the last id done.
 */
export async function lockSinkWatermark(trx: Tx, sink: string, nowIso: string): Promise<number> {
  await trx
    .insertInto('outbox_sinks')
    .values({ name: sink, last_outbox_id: 0, updated_at: nowIso })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  let query = trx.selectFrom('outbox_sinks').select('last_outbox_id').where('name', '=', sink);
  if (isPostgres(trx)) query = query.forUpdate();
  return (await query.executeTakeFirstOrThrow()).last_outbox_id;
}

export async function advanceSinkWatermark(trx: Tx, sink: string, lastId: number, nowIso: string) {
  await trx
    .updateTable('outbox_sinks')
    .set({ last_outbox_id: lastId, updated_at: nowIso })
    .where('name', '=', sink)
    .where('last_outbox_id', '<', lastId)
    .execute();
}

/** The next events after `afterId`, in id order, stopping at a gap younger than the wait. */
export async function nextOutboxEvents(
  trx: Tx,
  afterId: number,
  limit: number,
  now: Date,
  gapWaitMs = OUTBOX_GAP_WAIT_MS,
): Promise<OutboxEvent[]> {
  const rows = await trx
    .selectFrom('outbox_events')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  const settled = new Date(now.getTime() - gapWaitMs).toISOString();
  const taken: OutboxEvent[] = [];
  let expected = afterId + 1;
  for (const row of rows) {
    if (row.id !== expected && row.created_at > settled) break;
    taken.push(row);
    expected = row.id + 1;
  }
  return taken;
}

/** Events the system emits about its own delivery machinery; no sink forwards them. */
export function isInternalEvent(type: string): boolean {
  return type.startsWith('webhook.');
}

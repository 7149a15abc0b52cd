import type { Kysely, Migration } from 'kysely';

/** The webhook sink's name (`WEBHOOK_SINK` in webhook-fan-out.ts); migrations import no app code. */
const WEBHOOK_SINK = 'webhooks';

/**
 * The webhook sink's watermark row, made with the schema rather than by the delivery job's
 * first tick (two seconds after a first start). That tick's insert was the only write of an
 * idle server that no one had called: on SQLite it started the WAL checkpointer thread (~15 MB)
 * for its 30 seconds. The row is the one the job would have made: nothing delivered yet.
 */
export function webhookSinkWatermark(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await (db as Kysely<OutboxSinks>)
        .insertInto('outbox_sinks')
        .values({ name: WEBHOOK_SINK, last_outbox_id: 0, updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    },
  };
}

interface OutboxSinks {
  outbox_sinks: { name: string; last_outbox_id: number; updated_at: string };
}

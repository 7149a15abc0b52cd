import type { Database } from '../../src/adapters/db/database.js';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { appendEvents, type DomainEvent } from '../../src/app/events/outbox.js';
import { createEndpoint } from '../../src/app/webhooks/webhook-endpoints.js';
import { setAllowPrivateTargets } from '../../src/app/webhooks/webhook-settings.js';

/** A context with a clock the test moves by hand (no real sleeping for retries). */
export function clockedContext(database: Database, start = new Date('2026-03-02T09:00:00Z')) {
  let now = start;
  const ctx: AppContext = { database, now: () => now, policies: DEFAULT_POLICIES };
  return {
    ctx,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    set(at: Date) {
      now = at;
    },
  };
}

/** `count` order and stock events committed in one transaction, as a use case would. */
export async function commitEvents(ctx: AppContext, count: number, type = 'order.created') {
  const events: DomainEvent[] = Array.from({ length: count }, (_, i) => ({
    type,
    aggregateType: 'order',
    aggregateId: i + 1,
    payload: { orderId: i + 1, lines: 2 },
  }));
  return ctx.database.write((trx) => appendEvents(trx, events, ctx.now().toISOString()));
}

/** An endpoint for `url` (private targets allowed first, the receiver is on 127.0.0.1). */
export async function subscribe(ctx: AppContext, url: string, eventTypes = ['order.*']) {
  return ctx.database.write(async (trx) => {
    await setAllowPrivateTargets(trx, true);
    return createEndpoint(trx, { url, eventTypes }, ctx.now());
  });
}

export async function deliveriesOf(database: Database, endpointId: number) {
  return database.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('id')
    .execute();
}

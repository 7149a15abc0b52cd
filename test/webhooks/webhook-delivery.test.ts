import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../../src/app/webhooks/deliver-webhooks.js';
import { replayDelivery } from '../../src/app/webhooks/webhook-deliveries.js';
import { createEndpoint, rotateSecret } from '../../src/app/webhooks/webhook-endpoints.js';
import { setAllowPrivateTargets } from '../../src/app/webhooks/webhook-settings.js';
import { run } from '../../src/adapters/db/database.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from '../../src/core/webhooks/retry-schedule.js';
import { verifyWebhook } from '../../src/core/webhooks/webhook-signature.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { startReceiver, type Receiver } from './receiver.js';
import { clockedContext, commitEvents, deliveriesOf, subscribe } from './webhook-world.js';

/** Jitter pinned to the middle: every delay is exactly the schedule's. */
const noJitter = () => 0.5;

describe.each(dialects)('webhook delivery on %s', (dialect) => {
  let store: TestStore;
  const receivers: Receiver[] = [];
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());
  afterEach(async () => {
    // Each test subscribes its own endpoint; retire the others so runs do not cross.
    await store.database.write((trx) =>
      trx.updateTable('webhook_endpoints').set({ status: 'disabled' }).execute(),
    );
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...args);
    receivers.push(r);
    return r;
  };

  it('delivers each subscribed event once, signed, with the event id as webhook-id', async () => {
    const { ctx } = clockedContext(store.database);
    const hooks = await receiver({ clock: ctx.now });
    const endpoint = await subscribe(ctx, hooks.url, ['order.*']);
    hooks.secret = endpoint.secret;
    const ids = await commitEvents(ctx, 5, 'order.created');
    await commitEvents(ctx, 2, 'stock.adjusted');

    const summary = await deliverWebhooks(ctx, { random: noJitter });
    expect(summary).toMatchObject({ attempted: 5, succeeded: 5, dead: 0 });
    expect(hooks.received.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(hooks.received.every((r) => r.verified)).toBe(true);
    const first = JSON.parse(hooks.received[0]!.body) as { type: string; data: unknown };
    expect(first.type).toBe('order.created');
    const rows = await deliveriesOf(store.database, endpoint.id);
    expect(rows.map((r) => [r.status, r.attempts, r.last_status_code])).toEqual(
      ids.map(() => ['succeeded', 1, 204]),
    );

    expect((await deliverWebhooks(ctx)).attempted).toBe(0); // nothing left, nothing twice
    expect(hooks.received).toHaveLength(5);
  });

  it('retries a failing receiver on the backoff schedule, dead-letters, then replays', async () => {
    const { ctx, advance } = clockedContext(store.database);
    let healthy = false;
    const hooks = await receiver({ respond: () => (healthy ? 200 : 503), clock: ctx.now });
    const endpoint = await subscribe(ctx, hooks.url);
    const [eventId] = await commitEvents(ctx, 1);

    await deliverWebhooks(ctx, { random: noJitter });
    for (const delaySeconds of RETRY_DELAYS_SECONDS) {
      const [row] = await deliveriesOf(store.database, endpoint.id);
      expect(row!.status).toBe('pending');
      expect(Date.parse(row!.next_attempt_at) - ctx.now().getTime()).toBe(delaySeconds * 1000);
      advance(delaySeconds * 1000 - 1);
      expect((await deliverWebhooks(ctx, { random: noJitter })).attempted).toBe(0); // not yet due
      advance(1);
      expect((await deliverWebhooks(ctx, { random: noJitter })).attempted).toBe(1);
    }
    const [dead] = await deliveriesOf(store.database, endpoint.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, last_status_code: 503 });
    expect(hooks.received).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(hooks.received.map((r) => r.id))).toEqual(new Set([eventId]));

    advance(86_400_000);
    expect((await deliverWebhooks(ctx)).attempted).toBe(0); // the dead stay dead
    healthy = true;
    const replayed = await run(store.database, (trx) => replayDelivery(trx, dead!.id, ctx.now()));
    expect(replayed.ok && replayed.value.status).toBe('pending');
    expect((await deliverWebhooks(ctx)).succeeded).toBe(1);
    const [done] = await deliveriesOf(store.database, endpoint.id);
    expect(done).toMatchObject({ status: 'succeeded', last_status_code: 200 });
    expect(hooks.received).toHaveLength(MAX_ATTEMPTS + 1);
  });

  it('disables the endpoint when the receiver answers 410 Gone', async () => {
    const { ctx } = clockedContext(store.database);
    const hooks = await receiver({ respond: () => 410 });
    const endpoint = await subscribe(ctx, hooks.url);
    await commitEvents(ctx, 3);

    await deliverWebhooks(ctx, { maxInFlightPerEndpoint: 1 });
    const row = await store.database.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', endpoint.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('disabled');
    expect(row.disabled_reason).toMatch(/410/);
    expect(hooks.received).toHaveLength(1); // the other two wait for a re-enable
    const states = (await deliveriesOf(store.database, endpoint.id)).map((d) => d.status);
    expect(states.sort()).toEqual(['dead', 'pending', 'pending']);
  });

  it('refuses private targets unless the admin setting allows them', async () => {
    const { ctx, advance } = clockedContext(store.database);
    const hooks = await receiver();
    const endpoint = await subscribe(ctx, hooks.url.replace('127.0.0.1', 'localhost'));
    await store.database.write((trx) => setAllowPrivateTargets(trx, false));
    await commitEvents(ctx, 1);

    const summary = await deliverWebhooks(ctx);
    expect(summary).toMatchObject({ attempted: 1, succeeded: 0 });
    expect(hooks.received).toHaveLength(0);
    const [row] = await deliveriesOf(store.database, endpoint.id);
    expect(row!.last_error).toMatch(/target refused: localhost → (127\.0\.0\.1|::1) \(loopback\)/);

    const literal = await run(store.database, (trx) =>
      createEndpoint(trx, { url: 'http://169.254.169.254/latest', eventTypes: ['*'] }, ctx.now()),
    );
    expect(!literal.ok && literal.error.code).toBe('WEBHOOKS.PRIVATE_TARGET');

    // Allowed: the retry connects through the same guarded lookup and gets through.
    await store.database.write((trx) => setAllowPrivateTargets(trx, true));
    advance(60_000);
    expect((await deliverWebhooks(ctx)).succeeded).toBe(1);
    expect(hooks.received).toHaveLength(1);
  });

  it('signs with the old and the new secret during a rotation', async () => {
    const { ctx, advance } = clockedContext(store.database);
    const hooks = await receiver({ clock: ctx.now });
    const endpoint = await subscribe(ctx, hooks.url);
    const rotated = await store.database.write((trx) =>
      rotateSecret(trx, endpoint.id, 24, ctx.now()),
    );
    await commitEvents(ctx, 1);
    await deliverWebhooks(ctx);
    const seconds = () => Math.floor(ctx.now().getTime() / 1000);
    const [during] = hooks.received;
    for (const secret of [endpoint.secret, rotated.secret]) {
      expect(verifyWebhook(secret, during!.headers, during!.body, seconds()).ok).toBe(true);
    }

    advance(25 * 3_600_000); // the grace period is over: only the new secret signs
    await commitEvents(ctx, 1);
    await deliverWebhooks(ctx);
    const after = hooks.received[1]!;
    expect(verifyWebhook(rotated.secret, after.headers, after.body, seconds()).ok).toBe(true);
    expect(verifyWebhook(endpoint.secret, after.headers, after.body, seconds()).ok).toBe(false);
  });

  it('never has more than the limit in flight to one endpoint', async () => {
    const { ctx } = clockedContext(store.database);
    const hooks = await receiver({ delayMs: 30 });
    await subscribe(ctx, hooks.url);
    await commitEvents(ctx, 12);
    const summary = await deliverWebhooks(ctx, { maxInFlightPerEndpoint: 3, batchSize: 50 });
    expect(summary.succeeded).toBe(12);
    expect(hooks.maxConcurrent).toBeLessThanOrEqual(3);
    expect(hooks.maxConcurrent).toBeGreaterThan(1);
  });

  it("does not let one endpoint's backlog starve another", async () => {
    const { ctx } = clockedContext(store.database);
    const busy = await receiver();
    const quiet = await receiver();
    await subscribe(ctx, busy.url, ['order.*']);
    await subscribe(ctx, quiet.url, ['stock.*']);
    await commitEvents(ctx, 30, 'order.created');
    await commitEvents(ctx, 1, 'stock.adjusted');
    const options = { batchSize: 6, maxInFlightPerEndpoint: 4, maxRounds: 1 };
    expect((await deliverWebhooks(ctx, options)).attempted).toBe(5);
    expect(busy.received).toHaveLength(4);
    expect(quiet.received).toHaveLength(1);
  });
});

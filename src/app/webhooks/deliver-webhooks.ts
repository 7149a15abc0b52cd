import { httpSender, type WebhookSender } from '../../adapters/webhooks/http-sender.js';
import { retryDelayMs } from '../../core/webhooks/retry-schedule.js';
import { webhookHeaders } from '../../core/webhooks/webhook-signature.js';
import type { AppContext } from '../context.js';
import { PROCESS_HOLDER } from '../jobs/lease.js';
import { claimDeliveries, type ClaimedDelivery } from './claim-deliveries.js';
import { signingSecrets } from './webhook-endpoints.js';
import { fanOutWebhooks } from './webhook-fan-out.js';
import { allowsPrivateTargets } from './webhook-settings.js';
import { recordOutcome, type DeliveryOutcome } from './record-outcome.js';

export interface DeliverOptions {
  /** Lease holder name; defaults to this process. */
  holder?: string;
  sender?: WebhookSender;
  /** Deliveries claimed per round. */
  batchSize?: number;
  maxInFlightPerEndpoint?: number;
  timeoutMs?: number;
  /** How long a claim holds; longer than the timeout, so a live sender never loses its row. */
  leaseMs?: number;
  /** [0, 1) for retry jitter; seeded in tests. */
  random?: () => number;
  /** Stop after this many rounds (the job runs again on its next tick). */
  maxRounds?: number;
}

export interface DeliveryRunSummary {
  fannedOut: number;
  attempted: number;
  succeeded: number;
  retrying: number;
  dead: number;
}

/**
 * The webhook job: fans new outbox events out to endpoints, then claims due deliveries and
 * POSTs them, round after round until nothing is due. At-least-once: a row is marked done only
 * after the receiver answered 2xx; if this process dies mid-send its lease runs out and another
 * process (or the next run) sends again with the same `webhook-id`. Safe with several processes.
 */
export async function deliverWebhooks(
  ctx: AppContext,
  options: DeliverOptions = {},
): Promise<DeliveryRunSummary> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const settings = {
    holder: options.holder ?? PROCESS_HOLDER,
    limit: options.batchSize ?? 50,
    maxInFlightPerEndpoint: options.maxInFlightPerEndpoint ?? 4,
    leaseMs: options.leaseMs ?? timeoutMs * 3,
  };
  const summary: DeliveryRunSummary = {
    fannedOut: await fanOutWebhooks(ctx.database, ctx.now()),
    attempted: 0,
    succeeded: 0,
    retrying: 0,
    dead: 0,
  };
  const allowPrivate = await allowsPrivateTargets(ctx.database.db);
  const send = options.sender ?? httpSender;
  const random = options.random ?? Math.random;
  for (let round = 0; round < (options.maxRounds ?? 100); round++) {
    const claimed = await claimDeliveries(ctx.database, ctx.now(), settings);
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await attempt(ctx, delivery, send, timeoutMs, allowPrivate);
        const state = await recordOutcome(ctx.database, settings.holder, delivery, outcome, {
          now: ctx.now(),
          retryDelayMs: retryDelayMs(delivery.attempts, random),
        });
        summary.attempted++;
        summary[state]++;
      }),
    );
  }
  return summary;
}

async function attempt(
  ctx: AppContext,
  delivery: ClaimedDelivery,
  send: WebhookSender,
  timeoutMs: number,
  allowPrivate: boolean,
): Promise<DeliveryOutcome> {
  const now = ctx.now();
  const secrets = signingSecrets(
    {
      secret: delivery.secrets.secret,
      previous_secret: delivery.secrets.previous,
      previous_secret_expires_at: delivery.secrets.previousExpiresAt,
    },
    now.toISOString(),
  );
  const headers = webhookHeaders(
    secrets,
    delivery.eventId,
    Math.floor(now.getTime() / 1000),
    delivery.body,
  );
  try {
    return await send({ url: delivery.url, headers, body: delivery.body, timeoutMs, allowPrivate });
  } catch (error) {
    return { statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
}

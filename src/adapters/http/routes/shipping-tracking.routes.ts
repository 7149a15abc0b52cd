import { Shape } from '../response-shapes.js';
import { CarrierWebhookOut, TrackingOut } from './shipping-responses.schemas.js';
import type { AppContext } from '../../../app/context.js';
import { recordTracking } from '../../../app/fulfillment/shipping/record-tracking.js';
import { run } from '../../db/database.js';
import { STOCK_WRITERS, type Actor } from '../../../core/shared/roles.js';
import { easyPostSignatureValid, trackingEventsOf } from '../../carriers/easypost-tracker.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { sendProblem } from '../problem.js';
import { TrackingEventsIn } from './shipping.schemas.js';

const tags = ['shipping'];

/** Who the carrier's own webhook acts as: written on the order timeline. */
const EASYPOST_WEBHOOK: Actor = {
  id: 'carrier:easypost',
  role: 'warehouse',
  customerId: null,
  apiKeyId: 0,
};

/**
 * Tracking events (issue 18, item 10): a generic route for any carrier or integration that
 * follows parcels (an API key of a shipping role), and EasyPost's own `tracker.updated`
 * webhook, signed with `EASYPOST_WEBHOOK_SECRET` (refused while the secret is not set).
 */
export function registerTrackingRoutes(api: Api, ctx: AppContext, env = process.env) {
  api.post(
    '/shipments/tracking-events',
    {
      config: { roles: [...STOCK_WRITERS] },
      schema: {
        tags,
        summary:
          'Carrier tracking events of one parcel: in transit, out for delivery, delivered, exception',
        body: TrackingEventsIn,
        response: { 200: Shape(TrackingOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        recordTracking(
          trx,
          request.body.events.map((e) => ({ ...e, trackingNumber: request.body.trackingNumber })),
          'webhook',
          request.actor,
          ctx.now(),
        ),
      ),
  );

  const secret = env.EASYPOST_WEBHOOK_SECRET;
  // The signature is over the bytes sent, so this route keeps the raw body beside the parsed one.
  void api.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      (request as { rawBody?: string }).rawBody = body as string;
      try {
        done(null, JSON.parse(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    scope.post(
      '/carrier-webhooks/easypost',
      {
        config: { public: true },
        schema: {
          tags,
          summary: "EasyPost's tracker webhook (signed with X-Hmac-Signature)",
          response: { 200: Shape(CarrierWebhookOut) },
        },
      },
      async (request, reply) => {
        const raw = (request as { rawBody?: string }).rawBody ?? '';
        const header = request.headers['x-hmac-signature'];
        if (!secret || !easyPostSignatureValid(raw, [header].flat()[0], secret))
          return sendProblem(reply, {
            code: 'AUTH.WEBHOOK_SIGNATURE',
            message: 'The webhook signature does not verify',
          });
        const events = trackingEventsOf(request.body as object);
        if (!events.ok) return sendProblem(reply, events.error);
        if (events.value.length === 0) return reply.code(200).send({ recorded: 0 });
        const outcome = await run(ctx.database, (trx) =>
          recordTracking(trx, events.value, 'easypost', EASYPOST_WEBHOOK, ctx.now()),
        );
        if (!outcome.ok) return sendProblem(reply, outcome.error);
        return reply.code(200).send(outcome.value);
      },
    );
  });
}

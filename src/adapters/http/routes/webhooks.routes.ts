import type { AppContext } from '../../../app/context.js';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from '../../../app/webhooks/webhook-endpoints.js';
import {
  listDeliveries,
  queuePing,
  replayDeadForEndpoint,
  replayDelivery,
} from '../../../app/webhooks/webhook-deliveries.js';
import {
  allowsPrivateTargets,
  setAllowPrivateTargets,
} from '../../../app/webhooks/webhook-settings.js';
import type { Role } from '../../../core/shared/roles.js';
import { run } from '../../db/database.js';
import type { Api } from '../api.js';
import { decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  DeliveryParams,
  DeliveryQuery,
  EndpointIn,
  EndpointParams,
  EndpointPatchIn,
  RotateIn,
  WebhookSettingsIn,
} from './webhooks.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  WebhooksEndpointsOut,
  WebhooksEndpoints2Out,
  WebhooksEndpointOut,
  WebhooksEndpointPatchOut,
  WebhooksEndpointDeleteOut,
  WebhooksEndpointRotateSecretOut,
  WebhooksEndpointPingOut,
  WebhooksEndpointReplayDeadOut,
  WebhooksDeliveriesOut,
  WebhooksDeliveryReplayOut,
  SettingsWebhooksOut,
  SettingsWebhooksPutOut,
} from './webhooks-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['webhooks'];
/** Endpoints carry secrets and can point the server at any URL: admins only. */
const ADMIN: readonly Role[] = ['admin'];

/** Webhook endpoints, their deliveries (dead letter, replay), a test ping and the SSRF setting. */
export function registerWebhookRoutes(api: Api, ctx: AppContext) {
  registerEndpointRoutes(api, ctx);
  registerDeliveryRoutes(api, ctx);
  registerSettingRoutes(api, ctx);
}

function registerEndpointRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/webhooks/endpoints', {
    roles: ADMIN,
    status: 201,
    schema: {
      tags,
      summary: 'Subscribe an endpoint to event types; the signing secret is shown only here',
      body: EndpointIn,
      response: { 201: Shape(WebhooksEndpointsOut) },
    },
    run: (trx, request) => createEndpoint(trx, request.body, ctx.now()),
  });

  api.get(
    '/webhooks/endpoints',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: 'Webhook endpoints (no secrets)',
        response: { 200: Shape(WebhooksEndpoints2Out) },
      },
    },
    async () => ({ items: await listEndpoints(ctx.database.db) }),
  );

  api.get(
    '/webhooks/endpoints/:id',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: 'One endpoint',
        params: EndpointParams,
        response: { 200: Shape(WebhooksEndpointOut) },
      },
    },
    async (request, reply) => {
      const result = await run(ctx.database, (trx) => getEndpoint(trx, request.params.id));
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.patch(
    '/webhooks/endpoints/:id',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: 'Change URL, event types or description; enable or disable',
        params: EndpointParams,
        body: EndpointPatchIn,
        response: { 200: Shape(WebhooksEndpointPatchOut) },
      },
    },
    async (request, reply) => {
      const result = await run(ctx.database, (trx) =>
        updateEndpoint(trx, request.params.id, request.body, ctx.now()),
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.delete(
    '/webhooks/endpoints/:id',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: 'Delete an endpoint and its deliveries',
        params: EndpointParams,
        response: { 200: Shape(WebhooksEndpointDeleteOut) },
      },
    },
    async (request, reply) => {
      const result = await run(ctx.database, (trx) => deleteEndpoint(trx, request.params.id));
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  write.post('/webhooks/endpoints/:id/rotate-secret', {
    roles: ADMIN,
    schema: {
      tags,
      summary: 'New secret (shown once); the old one also signs for graceHours',
      params: EndpointParams,
      body: RotateIn,
      response: { 200: Shape(WebhooksEndpointRotateSecretOut) },
    },
    run: (trx, request) =>
      rotateSecret(trx, request.params.id, request.body.graceHours ?? 24, ctx.now()),
  });

  write.post('/webhooks/endpoints/:id/ping', {
    roles: ADMIN,
    status: 202,
    schema: {
      tags,
      summary: 'Queue a webhook.ping to this endpoint only (sent by the next dispatcher run)',
      params: EndpointParams,
      response: { 202: Shape(WebhooksEndpointPingOut) },
    },
    run: (trx, request) => queuePing(trx, request.params.id, ctx.now()),
  });

  write.post('/webhooks/endpoints/:id/replay-dead', {
    roles: ADMIN,
    schema: {
      tags,
      summary: 'Replay every dead-lettered delivery of this endpoint',
      params: EndpointParams,
      response: { 200: Shape(WebhooksEndpointReplayDeadOut) },
    },
    run: (trx, request) => replayDeadForEndpoint(trx, request.params.id, ctx.now()),
  });
}

function registerDeliveryRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  api.get(
    '/webhooks/deliveries',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: 'Deliveries, newest first; status=dead lists the dead letter',
        querystring: DeliveryQuery,
        response: { 200: Shape(WebhooksDeliveriesOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      const rows = await listDeliveries(ctx.database.db, {
        ...filter,
        beforeId: decodeCursor(cursor),
        limit,
      });
      return pageOf(rows, limit);
    },
  );

  write.post('/webhooks/deliveries/:id/replay', {
    roles: ADMIN,
    schema: {
      tags,
      summary: 'Send a dead-lettered delivery again, from the start of the retry schedule',
      params: DeliveryParams,
      response: { 200: Shape(WebhooksDeliveryReplayOut) },
    },
    run: (trx, request) => replayDelivery(trx, request.params.id, ctx.now()),
  });
}

function registerSettingRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/settings/webhooks',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: 'Webhook delivery settings',
        response: { 200: Shape(SettingsWebhooksOut) },
      },
    },
    async () => ({ allowPrivateTargets: await allowsPrivateTargets(ctx.database.db) }),
  );

  api.put(
    '/settings/webhooks',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: 'Allow or refuse targets on loopback, private and link-local addresses',
        body: WebhookSettingsIn,
        response: { 200: Shape(SettingsWebhooksPutOut) },
      },
    },
    async (request) => {
      const allow = await ctx.database.write((trx) =>
        setAllowPrivateTargets(trx, request.body.allowPrivateTargets),
      );
      return { allowPrivateTargets: allow };
    },
  );
}

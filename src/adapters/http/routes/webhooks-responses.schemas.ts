import { Type } from 'typebox';

/** What the webhooks routes answer on success (documented: see response-shapes.ts). */
export const WebhooksEndpointsOut = Type.Object({
  secret: Type.String(),
  id: Type.Number(),
  url: Type.String(),
  description: Type.Union([Type.Null(), Type.String()]),
  eventTypes: Type.Array(Type.String()),
  status: Type.String(),
  disabledReason: Type.Union([Type.Null(), Type.String()]),
  previousSecretExpiresAt: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const WebhooksEndpointOut = Type.Object({
  id: Type.Number(),
  url: Type.String(),
  description: Type.Union([Type.Null(), Type.String()]),
  eventTypes: Type.Array(Type.String()),
  status: Type.String(),
  disabledReason: Type.Union([Type.Null(), Type.String()]),
  previousSecretExpiresAt: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const WebhooksEndpoints2Out = Type.Object({ items: Type.Array(WebhooksEndpointOut) });

export const WebhooksEndpointPatchOut = WebhooksEndpointOut;

export const WebhooksEndpointDeleteOut = Type.Object({
  id: Type.Number(),
  deleted: Type.Boolean(),
});

export const WebhooksEndpointRotateSecretOut = WebhooksEndpointsOut;

export const WebhooksEndpointPingOut = Type.Object({
  id: Type.Number(),
  endpointId: Type.Number(),
  eventId: Type.String(),
  eventType: Type.String(),
  status: Type.String(),
  attempts: Type.Number(),
  nextAttemptAt: Type.Union([Type.Null(), Type.String()]),
  lastAttemptAt: Type.Union([Type.Null(), Type.String()]),
  lastStatusCode: Type.Union([Type.Null(), Type.Number()]),
  lastError: Type.Union([Type.Null(), Type.String()]),
  deliveredAt: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
});

export const WebhooksEndpointReplayDeadOut = Type.Object({
  endpointId: Type.Number(),
  replayed: Type.Number(),
});

export const WebhooksDeliveriesOut = Type.Object({
  items: Type.Array(WebhooksEndpointPingOut),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
});

export const WebhooksDeliveryReplayOut = WebhooksEndpointPingOut;

export const SettingsWebhooksOut = Type.Object({ allowPrivateTargets: Type.Boolean() });

export const SettingsWebhooksPutOut = SettingsWebhooksOut;

import type { Generated } from 'kysely';

/** Webhook endpoints, one delivery row per endpoint × outbox event, and sink watermarks. */
export interface WebhookEndpointTable {
  id: Generated<number>;
  url: string;
  description: string | null;
  /** JSON array of filters: exact types, `family.*` or `*`. */
  event_types: string;
  /** `whsec_<base64>`; signs every delivery. */
  secret: string;
  /** The secret before the last rotation, still signing (as a second signature) until it expires. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** `active` or `disabled`. */
  status: string;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** One event for one endpoint: delivered at least once, retried with backoff, or dead-lettered. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  outbox_id: number;
  /** The outbox event id, sent as `webhook-id` on every attempt so receivers can de-duplicate. */
  event_id: string;
  event_type: string;
  /** `pending`, `delivering` (claimed under a lease), `succeeded` or `dead`. */
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_holder: string | null;
  lease_expires_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

/** How far each sink (webhook fan-out, NATS) has read the outbox. */
export interface OutboxSinkTable {
  name: string;
  last_outbox_id: number;
  updated_at: string;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  outbox_sinks: OutboxSinkTable;
}

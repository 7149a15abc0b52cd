import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { WebhookEndpointTable } from '../../adapters/db/schema-webhooks.js';
import { isValidEventFilter } from '../../core/webhooks/event-filter.js';
import { classifyAddress } from '../../core/webhooks/target-address.js';
import { secretFromBytes } from '../../core/webhooks/webhook-signature.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import { allowsPrivateTargets } from './webhook-settings.js';

type EndpointRow = Selectable<WebhookEndpointTable>;

/** An endpoint as the API shows it; the secret only on create and rotate. */
export interface EndpointView {
  id: number;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: string;
  disabledReason: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EndpointInput {
  url: string;
  description?: string | null | undefined;
  eventTypes: string[];
}

export function endpointView(row: EndpointRow): EndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as string[],
    status: row.status,
    disabledReason: row.disabled_reason,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const newSecret = () => secretFromBytes(crypto.randomBytes(24));

/**
 * Checks a target URL: http(s) only, and a host written as an IP must be public unless the
 * admin setting allows private targets. Host names are checked again at every delivery,
 * after DNS, since what a name resolves to can change.
 */
async function checkTarget(trx: Tx, url: string): Promise<Result<string>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('WEBHOOKS.INVALID_URL', 'The endpoint URL is not a valid absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return fail('WEBHOOKS.INVALID_URL', 'Webhook URLs must use http or https');
  }
  const kind = classifyAddress(parsed.hostname);
  if (kind !== 'invalid' && kind !== 'public' && !(await allowsPrivateTargets(trx))) {
    return fail('WEBHOOKS.PRIVATE_TARGET', `The target address is ${kind}`, { addressKind: kind });
  }
  return ok(parsed.toString());
}

function checkFilters(eventTypes: string[]): Result<string[]> {
  const bad = eventTypes.filter((t) => !isValidEventFilter(t));
  if (bad.length > 0) {
    return fail('WEBHOOKS.INVALID_EVENT_TYPE', 'Event types look like order.created or order.*', {
      invalid: bad,
    });
  }
  return ok([...new Set(eventTypes)].sort());
}

export async function createEndpoint(trx: Tx, input: EndpointInput, now: Date) {
  const url = must(await checkTarget(trx, input.url));
  const eventTypes = must(checkFilters(input.eventTypes));
  const nowIso = now.toISOString();
  const secret = newSecret();
  const row = await trx
    .insertInto('webhook_endpoints')
    .values({
      url,
      description: input.description ?? null,
      event_types: JSON.stringify(eventTypes),
      secret,
      status: 'active',
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...endpointView(row), secret };
}

async function loadEndpoint(trx: Tx, id: number): Promise<EndpointRow> {
  const row = await trx
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? must(fail('WEBHOOKS.ENDPOINT_NOT_FOUND', `No webhook endpoint ${id}`));
}

export async function getEndpoint(db: Tx, id: number): Promise<EndpointView> {
  return endpointView(await loadEndpoint(db, id));
}

export async function listEndpoints(db: Tx): Promise<EndpointView[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute();
  return rows.map(endpointView);
}

export interface EndpointPatch extends Partial<EndpointInput> {
  /** `active` re-enables (e.g. after a 410); `disabled` pauses deliveries, which wait. */
  status?: 'active' | 'disabled' | undefined;
}

export async function updateEndpoint(trx: Tx, id: number, patch: EndpointPatch, now: Date) {
  const current = await loadEndpoint(trx, id);
  const changes: Partial<EndpointRow> = { updated_at: now.toISOString() };
  if (patch.url !== undefined) changes.url = must(await checkTarget(trx, patch.url));
  if (patch.eventTypes !== undefined) {
    changes.event_types = JSON.stringify(must(checkFilters(patch.eventTypes)));
  }
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.status !== undefined && patch.status !== current.status) {
    changes.status = patch.status;
    changes.disabled_reason = patch.status === 'disabled' ? 'disabled by an admin' : null;
  }
  const row = await trx
    .updateTable('webhook_endpoints')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return endpointView(row);
}

/** Deletes an endpoint and its delivery history. */
export async function deleteEndpoint(trx: Tx, id: number) {
  await loadEndpoint(trx, id);
  await trx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  await trx.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
  return { id, deleted: true };
}

/**
 * A new secret; the old one keeps signing (a second `v1` signature) for `graceHours`, so
 * receivers can switch over without rejecting a single delivery.
 */
export async function rotateSecret(trx: Tx, id: number, graceHours: number, now: Date) {
  const current = await loadEndpoint(trx, id);
  const secret = newSecret();
  const expires = new Date(now.getTime() + graceHours * 3_600_000).toISOString();
  const row = await trx
    .updateTable('webhook_endpoints')
    .set({
      secret,
      previous_secret: graceHours > 0 ? current.secret : null,
      previous_secret_expires_at: graceHours > 0 ? expires : null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...endpointView(row), secret };
}

/** The secrets that sign a delivery now: the current one, plus the previous until it expires. */
export function signingSecrets(
  row: Pick<EndpointRow, 'secret' | 'previous_secret' | 'previous_secret_expires_at'>,
  nowIso: string,
): string[] {
  const previousLive =
    row.previous_secret !== null &&
    row.previous_secret_expires_at !== null &&
    row.previous_secret_expires_at > nowIso;
  return previousLive ? [row.secret, row.previous_secret!] : [row.secret];
}

import crypto from 'node:crypto';
import { fromEasyPostStatus, type TrackingEvent } from '../../core/fulfillment/tracking-status.js';
import { fail, ok, type Result } from '../../core/shared/result.js';

/** One scan in an EasyPost Tracker's `tracking_details`. */
interface EasyPostTrackingDetail {
  status: string;
  message?: string | null;
  datetime: string;
  tracking_location?: {
    city?: string | null;
    state?: string | null;
    country?: string | null;
  } | null;
}

/** EasyPost's Tracker object, as its `tracker.updated` webhook Event carries it in `result`. */
interface EasyPostTracker {
  object: 'Tracker';
  tracking_code: string;
  status: string;
  signed_by?: string | null;
  updated_at?: string;
  tracking_details?: EasyPostTrackingDetail[];
}

/** The webhook Event envelope: `description` names it (`tracker.updated`, `tracker.created`…). */
export interface EasyPostEvent {
  object?: string;
  description?: string;
  result?: Partial<EasyPostTracker>;
}

/**
 * The tracking events an EasyPost `tracker.created`/`tracker.updated` webhook reports: one per
 * tracking detail whose status means something to us (pre-transit scans do not), or the
 * tracker's own status when it has no details. Other event kinds are refused
 * (`CARRIER.UNKNOWN_EVENT`), so a misdirected webhook is seen, not swallowed.
 */
export function trackingEventsOf(event: EasyPostEvent): Result<TrackingEvent[]> {
  const tracker = event.result;
  if (!event.description?.startsWith('tracker.') || tracker?.object !== 'Tracker')
    return fail('CARRIER.UNKNOWN_EVENT', `Not a tracker event: ${event.description ?? '?'}`);
  if (!tracker.tracking_code || !tracker.status)
    return fail('CARRIER.UNKNOWN_EVENT', 'The tracker has no tracking_code or status');
  const trackingNumber = tracker.tracking_code;
  const details = tracker.tracking_details?.length
    ? tracker.tracking_details
    : [{ status: tracker.status, datetime: tracker.updated_at ?? '', message: null }];
  const events: TrackingEvent[] = [];
  for (const d of details) {
    const status = fromEasyPostStatus(d.status);
    if (!status) continue;
    const where = d.tracking_location;
    const location = [where?.city, where?.state, where?.country].filter(Boolean).join(', ');
    events.push({
      trackingNumber,
      status,
      occurredAt: d.datetime,
      detail: d.message ?? undefined,
      location: location || undefined,
      signedBy: status === 'delivered' ? (tracker.signed_by ?? undefined) : undefined,
    });
  }
  return ok(events);
}

/**
 * EasyPost signs each webhook with the webhook's secret: `X-Hmac-Signature:
 * hmac-sha256-hex=<HMAC-SHA256 of the raw body, keyed with the NFKD-normalised secret>`.
 */
export function easyPostSignatureValid(
  rawBody: string,
  header: string | undefined,
  secret: string,
): boolean {
  if (!header?.startsWith('hmac-sha256-hex=')) return false;
  const expected = crypto
    .createHmac('sha256', secret.normalize('NFKD'))
    .update(rawBody, 'utf8')
    .digest('hex');
  const given = header.slice('hmac-sha256-hex='.length);
  return (
    given.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

/**
 * Where a parcel is, as carriers report it. Carriers each have their own words; EasyPost's
 * tracker statuses (`pre_transit`, `in_transit`, `out_for_delivery`, `delivered`,
 * `available_for_pickup`, `return_to_sender`, `failure`, `cancelled`, `error`, `unknown`) are
 * folded into the four a warehouse acts on. Anything a customer will not receive as planned is
 * an exception.
 */
export const TRACKING_STATUSES = [
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

const EASYPOST: Readonly<Record<string, TrackingStatus | null>> = {
  pre_transit: null,
  unknown: null,
  in_transit: 'in_transit',
  available_for_pickup: 'out_for_delivery',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  return_to_sender: 'exception',
  failure: 'exception',
  cancelled: 'exception',
  error: 'exception',
};

/** Our status for an EasyPost tracker status; null when it says nothing yet (label created). */
export function fromEasyPostStatus(status: string): TrackingStatus | null {
  return EASYPOST[status] ?? null;
}

export function isTrackingStatus(value: string): value is TrackingStatus {
  return (TRACKING_STATUSES as readonly string[]).includes(value);
}

/**
 * The shipment's status as of its latest event: events arrive out of order (webhooks are
 * retried), so the one that happened last wins, not the one received last.
 */
export function latestTrackingStatus(
  events: readonly { status: TrackingStatus; occurredAt: string }[],
): TrackingStatus | null {
  let latest: { status: TrackingStatus; occurredAt: string } | null = null;
  for (const e of events) if (!latest || e.occurredAt >= latest.occurredAt) latest = e;
  return latest?.status ?? null;
}

/** One carrier scan of one parcel (or of an LTL shipment's PRO number). */
export interface TrackingEvent {
  trackingNumber: string;
  status: TrackingStatus;
  /** When it happened, as the carrier says (ISO-8601). */
  occurredAt: string;
  detail?: string | undefined;
  location?: string | undefined;
  /** Who signed for it (delivered events). */
  signedBy?: string | undefined;
}

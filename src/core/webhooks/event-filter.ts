/**
 * Which events an endpoint subscribed to. A filter is an exact type (`order.created`), a family
 * (`order.*` matches `order.created` and `order.line.cancelled`) or `*` for everything.
 */

const FILTER_PATTERN = /^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/;

export function isValidEventFilter(filter: string): boolean {
  return filter.length <= 100 && FILTER_PATTERN.test(filter);
}

export function matchesFilter(filter: string, eventType: string): boolean {
  if (filter === '*') return true;
  if (filter.endsWith('.*')) return eventType.startsWith(filter.slice(0, -1));
  return filter === eventType;
}

/** True when any of the endpoint's filters takes this event type. */
export function endpointWants(filters: readonly string[], eventType: string): boolean {
  return filters.some((f) => matchesFilter(f, eventType));
}

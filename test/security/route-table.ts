import type { RouteEntry } from '../../src/adapters/http/server.js';

/** "METHOD /url" → the roles a route allows (sorted), or "public". */
export type RouteRoles = Record<string, readonly string[] | 'public'>;

/** The live route table in the shape of the reviewed one, sorted by route. */
export function liveRouteRoles(routes: readonly RouteEntry[]): RouteRoles {
  const entries = routes.map((r): [string, readonly string[] | 'public'] => [
    `${r.method} ${r.url}`,
    r.config.public ? 'public' : [...(r.config.roles ?? [])].sort(),
  ]);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { liveRouteRoles, type RouteRoles } from './route-table.js';

/**
 * The reviewed route → roles table (`route-roles.json`: "METHOD /url" → the roles allowed, or
 * "public"), diffed against the live route table. Widening a route by mistake, a new route, or
 * one gone, fails here until the table is changed on purpose — in review, where a role added
 * to a route is visible as one line. (The role matrix then checks the guard enforces the live
 * table.) The route table is built in code, not stored, so one database is enough.
 */
const TABLE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'route-roles.json');

describe('the reviewed route → roles table', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(async () => api?.close());

  it('matches the live routes exactly: no route, role or public flag added or removed', () => {
    const reviewed = JSON.parse(fs.readFileSync(TABLE, 'utf8')) as RouteRoles;
    const live = liveRouteRoles(api.app.routeTable);
    const differences: string[] = [];
    for (const [route, roles] of Object.entries(live)) {
      if (!(route in reviewed)) differences.push(`new route ${route}: ${JSON.stringify(roles)}`);
      else if (JSON.stringify(reviewed[route]) !== JSON.stringify(roles))
        differences.push(
          `${route}: reviewed ${JSON.stringify(reviewed[route])}, live ${JSON.stringify(roles)}`,
        );
    }
    for (const route of Object.keys(reviewed))
      if (!(route in live)) differences.push(`route gone: ${route}`);
    expect(differences).toEqual([]);
    expect(Object.keys(live).length).toBeGreaterThan(100);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_POLICIES } from '../../app/context.js';
import { openDatabase } from '../db/database.js';
import { buildServer } from './server.js';

/**
 * The OpenAPI document `/api/openapi.json` serves, built from the route table without a running
 * server: routes register without touching storage, so a throwaway, unmigrated SQLite file is
 * enough. The web app's types are generated from it (web/tools/gen-api-types.ts).
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-openapi-'));
  const database = openDatabase({ url: path.join(dir, 'openapi.db') });
  const app = await buildServer(
    { database, now: () => new Date(0), policies: DEFAULT_POLICIES },
    { logLevel: 'silent', webRoot: path.join(dir, 'no-web-app') },
  );
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

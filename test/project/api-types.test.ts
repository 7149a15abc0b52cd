import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../web/tools/gen-api-types.js';

describe('the web app API types', () => {
  it('are what `npm run gen:api` makes of the current OpenAPI document', async () => {
    const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
    // A stale file means a route or schema changed without regenerating: run `npm run gen:api`.
    expect(committed === (await generateApiTypes())).toBe(true);
  }, 60_000);
});

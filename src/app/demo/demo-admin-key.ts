import fs from 'node:fs';
import path from 'node:path';
import { createApiKey, generateApiKey, hashKey } from '../auth/api-keys.js';
import type { AppContext } from '../context.js';

/** The name of the admin key a demo start creates. */
export const DEMO_ADMIN_KEY_NAME = 'demo admin';

/**
 * The demo's admin API key, made to survive an interrupted first start: the key is written to
 * `<dataDir>/admin-key.txt` (mode 0600) before it is stored, so a start killed in between
 * finds the file and stores that key, and a later start names the file instead of leaving the
 * newcomer without a key. The key is printed in full only when it is created.
 */
export async function ensureDemoAdminKey(
  ctx: AppContext,
  dataDir: string,
  say: (line: string) => void,
): Promise<void> {
  const file = path.join(dataDir, 'admin-key.txt');
  const saved = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (saved) {
    const stored = await ctx.database.db
      .selectFrom('api_keys')
      .select('id')
      .where('key_hash', '=', hashKey(saved))
      .executeTakeFirst();
    if (stored) return say(`Admin API key: in ${file}`);
    return create(ctx, saved, file, say);
  }
  const earlier = await ctx.database.db
    .selectFrom('api_keys')
    .select('id')
    .where('name', '=', DEMO_ADMIN_KEY_NAME)
    .executeTakeFirst();
  if (earlier) {
    return say(
      `The demo admin key's file ${file} is gone; \`stockline keys create --role admin\` makes another.`,
    );
  }
  const key = generateApiKey();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return create(ctx, key, file, say);
}

async function create(ctx: AppContext, key: string, file: string, say: (line: string) => void) {
  const made = await createApiKey(
    ctx.database,
    { role: 'admin', name: DEMO_ADMIN_KEY_NAME, key },
    ctx.now(),
  );
  if (!made.ok) throw new Error(made.error.message);
  say(`Admin API key (also in ${file}):\n\n  ${key}\n`);
}

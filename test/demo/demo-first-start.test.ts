import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashKey } from '../../src/app/auth/api-keys.js';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { ensureDemoAdminKey } from '../../src/app/demo/demo-admin-key.js';
import { demoHistoryStatus } from '../../src/app/simulation/demo-history.js';
import { writeSetting } from '../../src/app/planning/planning-settings.js';
import { ensureDemoUsers } from '../../src/app/users/demo-users.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';

/** A first start that dies between writing the sign-in files and storing them must not lose them. */
describe.each(dialects)('a demo first start, interrupted (%s)', (dialect) => {
  const stores: TestStore[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const s of stores) await s.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const setUp = async () => {
    const store = await freshStore(dialect);
    stores.push(store);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-first-start-'));
    dirs.push(dir);
    const ctx: AppContext = {
      database: store.database,
      now: () => new Date('2026-03-12T09:00:00.000Z'),
      policies: DEFAULT_POLICIES,
    };
    return { ctx, dir, said: [] as string[] };
  };

  it('stores the admin key its file already holds, and later names the file', async () => {
    const { ctx, dir, said } = await setUp();
    const file = path.join(dir, 'admin-key.txt');
    fs.writeFileSync(file, 'sl_written-before-the-power-cut\n', { mode: 0o600 });
    await ensureDemoAdminKey(ctx, dir, (l) => said.push(l));
    const stored = await ctx.database.db
      .selectFrom('api_keys')
      .select(['role', 'name'])
      .where('key_hash', '=', hashKey('sl_written-before-the-power-cut'))
      .execute();
    expect(stored).toEqual([{ role: 'admin', name: 'demo admin' }]);
    expect(said.join('\n')).toContain('sl_written-before-the-power-cut');
    await ensureDemoAdminKey(ctx, dir, (l) => said.push(l));
    expect(said.at(-1)).toBe(`Admin API key: in ${file}`);
    const keys = await ctx.database.db.selectFrom('api_keys').select('id').execute();
    expect(keys).toHaveLength(1);
  });

  it('creates a fresh key once, 0600, and does not make a second when its file is gone', async () => {
    const { ctx, dir, said } = await setUp();
    await ensureDemoAdminKey(ctx, dir, (l) => said.push(l));
    const file = path.join(dir, 'admin-key.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.rmSync(file);
    await ensureDemoAdminKey(ctx, dir, (l) => said.push(l));
    expect(said.at(-1)).toContain('is gone');
    expect(await ctx.database.db.selectFrom('api_keys').select('id').execute()).toHaveLength(1);
  });

  it('creates the sign-ins its file lists that are missing, and names the file', async () => {
    const { ctx, dir, said } = await setUp();
    const made = await ensureDemoUsers(ctx, dir, (l) => said.push(l));
    expect(made.length).toBeGreaterThan(1);
    // As if the start died after the file and the first user: the others are created from it.
    await ctx.database.write((trx) =>
      trx.deleteFrom('users').where('email', '!=', made[0]!.email).execute(),
    );
    const again = await ensureDemoUsers(ctx, dir, (l) => said.push(l));
    expect(again.map((u) => u.email)).toEqual(made.slice(1).map((u) => u.email));
    expect(said.at(-1)).toBe(`Web sign-ins: in ${path.join(dir, 'demo-users.txt')}`);
    expect(await ensureDemoUsers(ctx, dir, () => undefined)).toEqual([]);
  });

  it('reports how far the demo history has got', async () => {
    const { ctx } = await setUp();
    expect(await demoHistoryStatus(ctx.database.db)).toBeUndefined();
    const plan = { startDate: '2026-03-01', days: 10, through: '2026-03-04' };
    await ctx.database.write((trx) => writeSetting(trx, 'demo_history', JSON.stringify(plan)));
    expect(await demoHistoryStatus(ctx.database.db)).toEqual({
      ...plan,
      daysDone: 4,
      building: true,
    });
    const done = { ...plan, through: '2026-03-10' };
    await ctx.database.write((trx) => writeSetting(trx, 'demo_history', JSON.stringify(done)));
    expect(await demoHistoryStatus(ctx.database.db)).toMatchObject({
      daysDone: 10,
      building: false,
    });
  });
});

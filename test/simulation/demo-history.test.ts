import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { ensureDemoHistory } from '../../src/app/simulation/demo-history.js';
import { freshStore, type TestStore } from '../support/databases.js';

/** Today, for these tests: the history is the days before it. */
const TODAY = new Date('2026-03-12T09:00:00.000Z');

function contextOf(store: TestStore): AppContext {
  return { database: store.database, now: () => new Date(TODAY), policies: DEFAULT_POLICIES };
}

async function orderDays(store: TestStore): Promise<Map<string, number>> {
  const rows = await store.database.db.selectFrom('orders').select('created_at').execute();
  const days = new Map<string, number>();
  for (const r of rows)
    days.set(r.created_at.slice(0, 10), (days.get(r.created_at.slice(0, 10)) ?? 0) + 1);
  return days;
}

/** SQLite only, like the simulation test: the use cases it drives are tested on both. */
describe('the demo seeded with simulated history', () => {
  const stores: TestStore[] = [];
  afterAll(async () => {
    for (const store of stores) await store.drop();
  });
  const store = async () => {
    const s = await freshStore('sqlite');
    stores.push(s);
    return s;
  };

  it('simulates the days before today, resumes an interrupted start, and then does nothing', async () => {
    const s = await store();
    const ctx = contextOf(s);
    const interrupted = ensureDemoHistory(ctx, 3, {
      onDay: () => {
        throw new Error('power cut');
      },
    });
    await expect(interrupted).rejects.toThrow('power cut');
    const afterCut = await orderDays(s);
    expect([...afterCut.keys()].sort()).toEqual(['2026-03-09']);

    const resumed = await ensureDemoHistory(ctx, 3);
    expect(resumed.seeded.skus).toBe(0);
    expect(resumed.simulatedDays).toBe(2);
    expect(resumed.history).toEqual({ startDate: '2026-03-09', days: 3, through: '2026-03-11' });
    const days = await orderDays(s);
    expect([...days.keys()].sort()).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    // Day one was not simulated twice.
    expect(days.get('2026-03-09')).toBe(afterCut.get('2026-03-09'));
    expect((await reconcile(s.database.db)).differences).toEqual([]);

    const again = await ensureDemoHistory(ctx, 3);
    expect(again.simulatedDays).toBe(0);
    expect(await orderDays(s)).toEqual(days);
  }, 120_000);

  it('leaves a demo seeded without history alone, and seeds none when asked for 0 days', async () => {
    const plain = await store();
    await seedDemo(contextOf(plain));
    const before = await orderDays(plain);
    const result = await ensureDemoHistory(contextOf(plain), 3);
    expect(result).toMatchObject({ simulatedDays: 0, history: undefined });
    expect(await orderDays(plain)).toEqual(before);

    const none = await store();
    const seeded = await ensureDemoHistory(contextOf(none), 0);
    expect(seeded.seeded.skus).toBeGreaterThan(0);
    expect(seeded).toMatchObject({ simulatedDays: 0, history: undefined });
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGenerationJob } from '../../src/app/counts/generate-count-tasks.js';
import { postMovement } from '../../src/app/inventory/ledger.js';
import { placeFacts, standardPlace } from '../../src/app/inventory/stock-facts.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

/**
 * The daily count job's "today" is the day at the plan's warehouse: at 17:00 in Los Angeles on
 * D (D + 1 in UTC) it generates D's tasks, and D's run is the only one until local midnight.
 */
const D = '2026-04-14';
const AT_17_LOCAL = '2026-04-15T00:00:00.000Z'; // 17:00 PDT on D
const AT_2330_LOCAL = '2026-04-15T06:30:00.000Z'; // 23:30 PDT on D
const AT_0030_NEXT = '2026-04-15T07:30:00.000Z'; // 00:30 PDT on D + 1

describe.each(dialects)('count generation on the warehouse day on %s', (dialect) => {
  let api: TestApi;
  let wh: WarehouseFixture;
  let clock = new Date(AT_17_LOCAL);

  beforeAll(async () => {
    api = await startTestApi(dialect, () => clock);
    wh = await insertWarehouse(api.store.database, 'LAX', 3);
    const skuId = await insertSku(api.store.database, 'LA-SKU');
    await api.store.database.write(async (trx) => {
      await trx
        .updateTable('warehouses')
        .set({ time_zone: 'America/Los_Angeles' })
        .where('id', '=', wh.id)
        .execute();
      const supplier = await standardPlace(trx, wh.id, 'supplier');
      for (const locationId of wh.bins) {
        const to = await placeFacts(trx, locationId);
        await postMovement(
          trx,
          { skuId, lotId: 0, from: supplier, to, quantity: 5, type: 'receipt', actor: 'test' },
          clock.toISOString(),
        );
      }
    });
    const plan = await api.app.inject({
      method: 'POST',
      url: '/api/v1/count-plans',
      headers: api.as('manager'),
      payload: {
        warehouseId: wh.id,
        name: 'Daily C',
        basis: 'abc',
        abcClass: 'C',
        frequencyDays: 1,
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
  });
  afterAll(async () => api?.close());

  it("generates D's tasks at 17:00 local, and nothing more until local midnight", async () => {
    const first = await countGenerationJob(api.ctx);
    expect(first?.[0]?.taskIds.length).toBeGreaterThan(0);
    const tasks = await api.store.database.db
      .selectFrom('count_tasks')
      .select('due_date')
      .where('warehouse_id', '=', wh.id)
      .execute();
    expect(new Set(tasks.map((t) => t.due_date))).toEqual(new Set([D]));

    clock = new Date(AT_2330_LOCAL);
    expect((await countGenerationJob(api.ctx))?.[0]?.skipped).toBe('already_generated');
    clock = new Date(AT_0030_NEXT);
    expect((await countGenerationJob(api.ctx))?.[0]?.skipped).toBeUndefined();
    const plan = await api.store.database.db
      .selectFrom('count_plans')
      .select('last_generated_on')
      .executeTakeFirstOrThrow();
    expect(plan.last_generated_on).toBe('2026-04-15');
  });
});

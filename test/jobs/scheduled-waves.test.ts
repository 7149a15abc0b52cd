import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planScheduledWaves } from '../../src/app/jobs/scheduled-waves.js';
import { dialects } from '../support/databases.js';
import {
  allocatedOrder,
  startFulfillmentWorld,
  stockedSku,
  type FulfillmentWorld,
} from '../fulfillment/fulfillment-fixtures.js';

describe.each(dialects)('scheduled waves on %s', (dialect) => {
  let world: FulfillmentWorld;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
  });
  afterAll(async () => world?.api.close());

  it('releases waiting orders into one wave per warehouse, and nothing twice', async () => {
    expect(await planScheduledWaves(world.api.ctx, 'batch')).toEqual([]);
    const { skuId } = await stockedSku(world, [[world.warehouse.bins[1]!, 50]]);
    const first = await allocatedOrder(world, 'SCHED-1', [[skuId, 3]]);
    const second = await allocatedOrder(world, 'SCHED-2', [[skuId, 2]]);
    const [waveA, waveB] = await Promise.all([
      planScheduledWaves(world.api.ctx, 'batch'),
      planScheduledWaves(world.api.ctx, 'batch'),
    ]);
    const waves = [...waveA!, ...waveB!];
    expect(waves).toHaveLength(1);
    const members = await world.api.store.database.db
      .selectFrom('wave_orders')
      .select('order_id')
      .where('wave_id', '=', waves[0]!)
      .execute();
    expect(members.map((m) => m.order_id).sort()).toEqual([first, second].sort());
    expect(await planScheduledWaves(world.api.ctx, 'batch')).toEqual([]);
  });
});

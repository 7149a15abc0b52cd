import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/adapters/db/database.js';
import { openCarton } from '../../src/app/fulfillment/packing/open-carton.js';
import { packItem } from '../../src/app/fulfillment/packing/pack-item.js';
import type { Actor } from '../../src/core/shared/roles.js';
import { dialects } from '../support/databases.js';
import {
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';
import { clock, createCustomer, line } from '../orders/order-fixtures.js';

const PACKER: Actor = { id: 'test:packer', role: 'warehouse', customerId: null, apiKeyId: 0 };

/**
 * Scanning item by item stays a small constant number of statements per scan, however much
 * the carton and the order already hold (the carton view it answers with included).
 */
describe.each(dialects)('the cost of a pack scan on %s', (dialect) => {
  let world: FulfillmentWorld;
  let toy: number;
  let bone: number;
  let shop: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    toy = (await stockedSku(world, [[world.pickFace, 40]], false)).skuId;
    bone = (await stockedSku(world, [[world.reserve, 40]], false)).skuId;
    shop = await createCustomer(world, 'SCAN-COST');
  });
  afterAll(async () => world?.api.close());

  it('runs as many statements for the 24th scan as for the 2nd, and few', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(toy, 24), line(bone, 24)]);
    const database = world.api.store.database;
    const carton = await database.write((trx) => openCarton(trx, orderId, {}, PACKER, clock()));
    const perScan: number[] = [];
    for (let i = 0; i < 24; i++) {
      let statements = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          statements++;
          return args.result;
        },
      };
      await database.write(async (trx) => {
        const counted = trx.withPlugin(counter) as unknown as Tx;
        await packItem(counted, carton.id, { skuId: toy, quantity: 1 }, PACKER, clock());
        await packItem(counted, carton.id, { skuId: bone, quantity: 1 }, PACKER, clock());
      });
      perScan.push(statements / 2);
    }
    expect(perScan.at(-1)).toBe(perScan[1]);
    expect(perScan[1]).toBeLessThanOrEqual(9);
  });
});

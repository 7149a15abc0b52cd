import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  STOCK,
  allocatedIn,
  expectConsistentReplies,
  expectReconciled,
  expectStatuses,
  placeAll,
  seededRandom,
  skuFigures,
  startRaceRig,
  upTo,
  type RaceRig,
} from './race-rig.js';
import { spawnServer, type ServerProcess } from './second-server.js';

/**
 * Two server processes on one PostgreSQL schema: no in-process lock or queue can help here,
 * only the database's conditional updates and row locks. (SQLite is one process by design.)
 */
describe.skipIf(!dialects.includes('postgres'))(
  'postgres: two server processes racing for the same 100 units',
  () => {
    let rig: RaceRig;
    let second: ServerProcess;
    let bases: string[];

    beforeAll(async () => {
      rig = await startRaceRig('postgres');
      second = await spawnServer(rig.api.store.url);
      bases = [rig.base, second.base];
    });
    afterAll(async () => {
      await second?.stop();
      await rig?.close();
    });

    it('holds exactly 100 units for 500 one-unit orders split over both processes', async () => {
      const sku = await rig.newSku('TWO-ONE');
      const orders = Array.from({ length: 500 }, () => [{ skuId: sku, quantity: 1 }]);

      const replies = await placeAll(rig, rig.backorderCustomer, orders, bases);

      expectStatuses(replies, [201]);
      expectConsistentReplies(replies, false);
      expect(allocatedIn(replies)).toBe(STOCK);
      expect(await skuFigures(rig.db, sku)).toMatchObject({
        allocated: STOCK,
        ordered: 500,
        backordered: 400,
        cancelled: 0,
      });
      await expectReconciled(rig.db);
    });

    it('holds exactly 100 units of each SKU for two-SKU orders, lines in random order, over both processes', async () => {
      const skus = [await rig.newSku('TWO-PAIR-A'), await rig.newSku('TWO-PAIR-B')];
      const random = seededRandom(5);
      const orders = Array.from({ length: 200 }, () => {
        const lines = skus.map((skuId) => ({ skuId, quantity: upTo(random, 5) }));
        return random() < 0.5 ? lines : lines.reverse();
      });

      const replies = await placeAll(rig, rig.backorderCustomer, orders, bases);

      expectStatuses(replies, [201]);
      expectConsistentReplies(replies, false);
      expect(allocatedIn(replies)).toBe(2 * STOCK);
      for (const sku of skus) {
        const demand = orders.flat().reduce((n, l) => n + (l.skuId === sku ? l.quantity : 0), 0);
        expect(await skuFigures(rig.db, sku)).toMatchObject({
          allocated: STOCK,
          ordered: demand,
          backordered: demand - STOCK,
        });
      }
      await expectReconciled(rig.db);
    });

    it('accepts exactly 100 of 300 one-unit orders from a no-backorder customer over both processes', async () => {
      const sku = await rig.newSku('TWO-REFUSE');
      const orders = Array.from({ length: 300 }, () => [{ skuId: sku, quantity: 1 }]);

      const replies = await placeAll(rig, rig.refuseCustomer, orders, bases);

      expectStatuses(replies, [201, 409]);
      expectConsistentReplies(replies, true);
      expect(replies.filter((r) => r.status === 201)).toHaveLength(STOCK);
      expect(await skuFigures(rig.db, sku)).toMatchObject({
        allocated: STOCK,
        ordered: STOCK,
        backordered: 0,
      });
      await expectReconciled(rig.db);
    });
  },
);

import { sql, type KyselyPlugin, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/adapters/db/database.js';
import { confirmMoveTask } from '../../src/app/receiving/confirm-move-task.js';
import type { PutawayItem } from '../../src/app/receiving/putaway-bins.js';
import { suggestPutaway } from '../../src/app/receiving/putaway-tasks.js';
import { receiveUnplannedIntoReceiving } from '../../src/app/receiving/receive-unplanned-receipt.js';
import { defaultPutawayPolicy } from '../../src/core/receiving/default-putaway-policy.js';
import type { PutawayBin } from '../../src/core/receiving/putaway-policy.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

const NOW = new Date('2026-02-01T09:00:00.000Z');
const BINS = 60;

/**
 * Put-away looks bins up by index: for every receipt it suggests exactly what the policy
 * chose when it was shown every bin of the warehouse (the old full read, kept here as the
 * oracle), and the statements it runs per line stay the same while the stock held grows.
 */
describe.each(dialects)('put-away at scale on %s', (dialect) => {
  let store: TestStore;
  let wh: WarehouseFixture;
  const skus: { id: number; lotTracked: boolean }[] = [];
  let seed = 7;
  const draw = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  beforeAll(async () => {
    store = await freshStore(dialect);
    wh = await insertWarehouse(store.database, 'BIG', BINS);
    for (let i = 0; i < 30; i++)
      skus.push({
        id: await insertSku(store.database, `SKU-${i}`, i % 3 === 0),
        lotTracked: i % 3 === 0,
      });
    await store.database.write(async (trx) => {
      for (const [i, id] of wh.bins.entries()) {
        // Zones A and B interleaved along the path; some bins small, a few without a limit.
        await trx
          .updateTable('locations')
          .set({
            zone: i % 4 === 0 ? 'A' : 'B',
            capacity_units: i % 7 === 3 ? null : 40 + (i % 5) * 20,
          })
          .where('id', '=', id)
          .execute();
      }
      await trx
        .insertInto('pick_faces')
        .values({
          location_id: wh.bins[0]!,
          sku_id: skus[1]!.id,
          min_quantity: 5,
          max_quantity: 30,
        })
        .execute();
    });
  });
  afterAll(async () => store?.drop());

  async function receiveSome(count: number) {
    for (let i = 0; i < count; i++) {
      const sku = skus[draw(skus.length)]!;
      const input = {
        warehouseId: wh.id,
        skuId: sku.id,
        quantity: 20 + draw(100),
        lotCode: sku.lotTracked ? `L${draw(3)}` : undefined,
        expiryDate: sku.lotTracked ? '2027-12-31' : undefined,
      };
      const item: PutawayItem = {
        warehouseId: wh.id,
        skuId: sku.id,
        lotId: 0,
        lotTracked: sku.lotTracked,
      };
      await store.database.write(async (trx) => {
        // Same item, same moment: the oracle's choice and the indexed one.
        if (!sku.lotTracked) {
          const order = { ...item, quantity: input.quantity, fromLocationId: 0, receiptId: 0 };
          const bins = await everyBin(trx, item);
          expect(await suggestPutaway(trx, order)).toEqual(
            defaultPutawayPolicy.suggest({ skuId: sku.id, quantity: input.quantity, bins }),
          );
        }
        const receipt = await receiveUnplannedIntoReceiving(trx, input, 'test', NOW);
        // Most tasks are done at once (stock lands in the bin), some stay open.
        for (const taskId of receipt.putawayTaskIds) {
          const task = await trx
            .selectFrom('move_tasks')
            .innerJoin('locations', 'locations.id', 'move_tasks.suggested_location_id')
            .select('locations.barcode')
            .where('move_tasks.id', '=', taskId)
            .executeTakeFirst();
          if (task?.barcode && draw(4) > 0)
            await confirmMoveTask(trx, taskId, task.barcode, 'test', NOW.toISOString());
        }
      });
    }
  }

  async function heldBalances(): Promise<number> {
    const held = await store.database.db
      .selectFrom('stock_balances')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('warehouse_id', '=', wh.id)
      .where(sql<SqlBool>`on_hand > 0`)
      .executeTakeFirstOrThrow();
    return Number(held.n);
  }

  /** Statements run and rows read per suggested line (the old read returned every bin). */
  async function costPerLine(): Promise<{ statements: number; rows: number }> {
    let statements = 0;
    let rows = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements++;
        rows += args.result.rows.length;
        return args.result;
      },
    };
    await store.database.write(async (trx) => {
      const counted = trx.withPlugin(counter) as unknown as Tx;
      for (const sku of skus.slice(0, 6))
        await suggestPutaway(counted, {
          warehouseId: wh.id,
          skuId: sku.id,
          lotId: 0,
          lotTracked: false,
          quantity: 30,
          fromLocationId: 0,
          receiptId: 0,
        });
    });
    return { statements: statements / 6, rows: rows / 6 };
  }

  it('suggests what the policy chose from every bin, in as many statements and few rows at 4× the stock', async () => {
    await receiveSome(8);
    const heldAtOne = await heldBalances();
    const atOne = await costPerLine();
    await receiveSome(24);
    expect(await heldBalances()).toBeGreaterThanOrEqual(3 * heldAtOne);
    const atFour = await costPerLine();
    expect(atOne.statements).toBeLessThanOrEqual(3);
    expect(atFour.statements).toBe(atOne.statements);
    // The SKU's own bins and a few empty ones, not the warehouse's 60.
    expect(atFour.rows).toBeLessThanOrEqual(12);
  });
});

/** The put-away read before issue 15: every bin of the warehouse and every balance held. */
async function everyBin(trx: Tx, item: PutawayItem): Promise<PutawayBin[]> {
  const locations = await trx
    .selectFrom('locations')
    .leftJoin('pick_faces', 'pick_faces.location_id', 'locations.id')
    .select(['locations.id', 'locations.type', 'locations.zone', 'locations.pick_sequence'])
    .select(['locations.capacity_units', 'pick_faces.sku_id as face_sku_id'])
    .select('pick_faces.max_quantity as face_max')
    .where('locations.warehouse_id', '=', item.warehouseId)
    .where('locations.active', '=', 1)
    .where('locations.type', 'in', ['storage', 'pick_face'])
    .orderBy('locations.id')
    .execute();
  const onHand = await trx
    .selectFrom('stock_balances')
    .select(['location_id', 'sku_id', 'lot_id', 'on_hand as quantity'])
    .where('warehouse_id', '=', item.warehouseId)
    .where('on_hand', '>', 0)
    .execute();
  const incoming = await trx
    .selectFrom('move_tasks')
    .select(['suggested_location_id as location_id', 'sku_id', 'lot_id', 'quantity'])
    .where('warehouse_id', '=', item.warehouseId)
    .where('status', '=', 'open')
    .where('suggested_location_id', 'is not', null)
    .execute();
  const held = [...onHand, ...incoming];
  const sumAt = (id: number, match: (h: (typeof held)[number]) => boolean) =>
    held
      .filter((h) => h.location_id === id && match(h))
      .reduce((n, h) => n + Number(h.quantity), 0);
  return locations
    .filter((l) => l.type === 'storage' || l.face_sku_id !== null)
    .map((l) => ({
      locationId: l.id,
      type: l.type as 'storage' | 'pick_face',
      zone: l.zone,
      pickSequence: l.pick_sequence,
      capacityUnits: l.capacity_units === null ? null : Number(l.capacity_units),
      occupiedUnits: sumAt(l.id, () => true),
      sameItemUnits: sumAt(l.id, (h) => h.sku_id === item.skuId),
      pickFace:
        l.face_sku_id === null
          ? null
          : {
              skuId: l.face_sku_id,
              maxQuantity: Number(l.face_max),
              skuUnits: sumAt(l.id, (h) => h.sku_id === l.face_sku_id),
            },
    }));
}

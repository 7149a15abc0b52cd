import { sql, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/adapters/db/database.js';
import { confirmMoveTask } from '../../src/app/receiving/confirm-move-task.js';
import { receiveUnplannedIntoReceiving } from '../../src/app/receiving/receive-unplanned-receipt.js';
import { MAX_LOTS_OF_SKU_PER_BIN } from '../../src/core/receiving/putaway-policy.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouseRows, type WarehouseFixture } from '../support/fixtures.js';

const NOW = new Date('2026-02-01T09:00:00.000Z');

/**
 * Once no reserve bin is empty, a new lot of a lot-tracked SKU shares a bin with older lots of
 * the same SKU — the bin mixing fewest — and never beyond MAX_LOTS_OF_SKU_PER_BIN: the
 * simulated year's bins ended holding one SKU in a dozen lots and more when put-away had no
 * suggestion and any bin holding the SKU was taken.
 */
describe.each(dialects)('put-away of new lots into a full warehouse on %s', (dialect) => {
  let store: TestStore;
  let wh: WarehouseFixture;
  let kibble: number;
  let litter: number;
  let lotNumber = 0;

  beforeAll(async () => {
    store = await freshStore(dialect);
    wh = await store.database.write((trx) => insertWarehouseRows(trx, 'MIX', 3, false));
    kibble = await insertSku(store.database, 'KIBBLE-LOT', true);
    litter = await insertSku(store.database, 'LITTER', false);
  });
  afterAll(async () => store?.drop());

  const barcode = (binIndex: number) => `MIX-A-01-0${binIndex + 1}`;

  /** Receives a quantity and returns the bin index each put-away task suggests (null: none). */
  async function receive(skuId: number, lotTracked: boolean) {
    return store.database.write(async (trx) => {
      lotNumber++;
      const receipt = await receiveUnplannedIntoReceiving(
        trx,
        {
          warehouseId: wh.id,
          skuId,
          quantity: 10,
          ...(lotTracked ? { lotCode: `L${lotNumber}`, expiryDate: '2027-06-30' } : {}),
        },
        'test',
        NOW,
      );
      const tasks = await trx
        .selectFrom('move_tasks')
        .select(['id', 'suggested_location_id'])
        .where('id', 'in', receipt.putawayTaskIds)
        .execute();
      return tasks.map((t) => ({
        taskId: t.id,
        bin: t.suggested_location_id === null ? null : wh.bins.indexOf(t.suggested_location_id),
      }));
    });
  }

  async function putAwayAt(taskId: number, binIndex: number) {
    return run(store.database, (trx) =>
      confirmMoveTask(trx, taskId, barcode(binIndex), 'test', NOW.toISOString()),
    );
  }

  async function mostLotsOfOneSkuInABin(): Promise<number> {
    const rows = await store.database.db
      .selectFrom('stock_balances')
      .select(({ fn }) => fn.countAll<number>().as('lots'))
      .where('warehouse_id', '=', wh.id)
      .where(sql<SqlBool>`on_hand > 0`)
      .groupBy(['location_id', 'sku_id'])
      .execute();
    return Math.max(0, ...rows.map((r) => Number(r.lots)));
  }

  it('mixes lots of the SKU in its bin up to the limit, then suggests nothing and refuses that bin', async () => {
    // The worker puts litter in bins 1 and 2; the first kibble lot opens bin 0, the last empty.
    for (const binIndex of [1, 2]) {
      const [task] = await receive(litter, false);
      expect((await putAwayAt(task!.taskId, binIndex)).ok).toBe(true);
    }
    const [first] = await receive(kibble, true);
    expect(first!.bin).toBe(0);
    expect((await putAwayAt(first!.taskId, 0)).ok).toBe(true);

    // No bin is empty: each new lot joins the bin already holding kibble.
    for (let lots = 2; lots <= MAX_LOTS_OF_SKU_PER_BIN; lots++) {
      const [task] = await receive(kibble, true);
      expect(task).toEqual({ taskId: task!.taskId, bin: 0 });
      expect((await putAwayAt(task!.taskId, 0)).ok).toBe(true);
    }
    expect(await mostLotsOfOneSkuInABin()).toBe(MAX_LOTS_OF_SKU_PER_BIN);

    // One more lot: bin 0 is at the limit, so no suggestion, and scanning bin 0 is refused.
    const [extra] = await receive(kibble, true);
    expect(extra!.bin).toBeNull();
    const refused = await putAwayAt(extra!.taskId, 0);
    expect(refused.ok ? null : refused.error.code).toBe('RECEIVING.BIN_LOT_LIMIT');
    expect((await putAwayAt(extra!.taskId, 1)).ok).toBe(true);
    expect(await mostLotsOfOneSkuInABin()).toBe(MAX_LOTS_OF_SKU_PER_BIN);
  });
});

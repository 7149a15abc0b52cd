import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSgtin96 } from '../../src/core/rfid/sgtin96.js';
import {
  adhocTask,
  expectLedgerSound,
  startTask,
  submit,
  taskDetail,
} from '../counts/count-fixtures.js';
import { stockedSku } from '../fulfillment/picking-fixtures.js';
import {
  expectReceivingConsistent,
  receiveOnPo,
  sentPurchaseOrder,
  startReceivingWorld,
  writtenRows,
  type ReceivingWorld,
} from '../receiving/receiving-fixtures.js';
import { call, createSku } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';

/**
 * The SGTIN-96 of the n-th world SKU's each GTIN (0 5901230 nnnnn c): company prefix 5901230,
 * item reference = indicator 0 + the five item digits, as a tag printer would encode it.
 */
function epcOf(n: number, serial: number): string {
  const body = `590123${String(n).padStart(6, '0')}`;
  return encodeSgtin96({
    filter: 1,
    companyPrefix: body.slice(0, 7),
    itemReference: `0${body.slice(7)}`,
    serial: String(serial),
  });
}

describe.each(dialects)('RFID EPC serials (%s)', (dialect) => {
  let world: ReceivingWorld;
  const db = () => world.api.store.database.db;
  beforeAll(async () => {
    world = await startReceivingWorld(dialect);
  });
  afterAll(() => world.api.close());

  it('counts a tag once per task however often it is read, and refuses a second submission', async () => {
    const bin = world.reserve;
    const item = await stockedSku(world, [[bin, 3]]);
    const [a, b, c] = [epcOf(item.n, 7001), epcOf(item.n, 7002), epcOf(item.n, 7003)];
    const taskId = await adhocTask(world, bin);
    await startTask(world, taskId);
    // Two antennas and three rounds: 7 reads of 3 tags, in the forms readers send them.
    const reads = [a, b, a.toLowerCase(), `${a}\r\n`, c, b, ` ${c}`];
    const answer = await submit(world, taskId, { lines: reads.map((scan) => ({ scan })) });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().tagReads).toEqual({ counted: 3, repeated: 4 });
    const detail = (await taskDetail(world, taskId, 'manager')).json();
    const counted = detail.lines.find((l: { skuId: number }) => l.skuId === item.skuId);
    expect(counted.countedQuantity).toBe(new Set([a, b, c]).size);
    const stored = await db()
      .selectFrom('counted_epcs')
      .select('epc')
      .where('count_task_id', '=', taskId)
      .orderBy('epc')
      .execute();
    expect(stored.map((r) => r.epc)).toEqual([a, b, c].sort());

    // The task has its figures: reads sent again are refused and change nothing.
    const again = await submit(world, taskId, {
      lines: [{ scan: a }, { scan: epcOf(item.n, 7004) }],
    });
    expect(again.statusCode).toBe(409);
    const after = await db()
      .selectFrom('counted_epcs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('count_task_id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(3);
    await expectLedgerSound(world);
  });

  it('takes a handheld line of one tag read five times as one item', async () => {
    const bin = world.reserve2;
    const item = await stockedSku(world, [[bin, 2]]);
    const taskId = await adhocTask(world, bin, item.skuId);
    await startTask(world, taskId);
    const answer = await submit(world, taskId, {
      lines: [{ scan: epcOf(item.n, 1), quantity: 5 }, { scan: epcOf(item.n, 2) }],
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().tagReads).toEqual({ counted: 2, repeated: 4 });
    const detail = (await taskDetail(world, taskId, 'manager')).json();
    expect(detail.lines).toEqual([
      expect.objectContaining({ skuId: item.skuId, countedQuantity: 2 }),
    ]);
    await expectLedgerSound(world);
  });

  it('stores the serial of a tagged receipt and refuses the same tag a second time (409)', async () => {
    const skuId = await createSku(world, false);
    const n = world.skuCount;
    const { id } = await sentPurchaseOrder(
      world.api.store.database,
      world.supplierId,
      world.warehouse.id,
      [{ skuId, quantity: 10 }],
    );
    const tag = epcOf(n, 424242);
    const first = await receiveOnPo(world, id, { scan: tag });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().quantity).toBe(1);
    const row = await db()
      .selectFrom('received_epcs')
      .selectAll()
      .where('epc', '=', tag)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ serial: '424242', receipt_id: first.json().receiptId });
    expect(row.gtin).toMatch(/^0590123\d{7}$/);

    const before = await writtenRows(db());
    for (const again of [tag, tag.toLowerCase(), ` ${tag}\r\n`]) {
      const second = await receiveOnPo(world, id, { scan: again });
      expect(second.statusCode, second.body).toBe(409);
      expect(second.json()).toMatchObject({ code: 'RECEIVING.EPC_DUPLICATE' });
    }
    // Unplanned receipts share the register: the tag is not received there either.
    const unplanned = await call(
      world.api,
      'POST',
      '/receipts/unplanned',
      world.api.as('manager'),
      {
        warehouseId: world.warehouse.id,
        scan: tag,
      },
    );
    expect(unplanned.statusCode, unplanned.body).toBe(409);
    expect(await writtenRows(db())).toEqual(before);

    const many = await receiveOnPo(world, id, { scan: epcOf(n, 424243), packs: 3 });
    expect(many.statusCode).toBe(422);
    expect(many.json().code).toBe('RECEIVING.SCAN_MISMATCH');
    const other = await receiveOnPo(world, id, { scan: epcOf(n, 424243) });
    expect(other.statusCode, other.body).toBe(201);
    // Invariant: each tag received is exactly one unit on the line.
    const tags = await db()
      .selectFrom('received_epcs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sku_id', '=', skuId)
      .executeTakeFirstOrThrow();
    const line = await db()
      .selectFrom('purchase_order_lines')
      .select('quantity_received')
      .where('purchase_order_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(line.quantity_received)).toBe(Number(tags.n));
    await expectReceivingConsistent(db());
  });
});

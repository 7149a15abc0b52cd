import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPickFaceReplenishment } from '../../src/app/receiving/plan-replenishment.js';
import { dialects } from '../support/databases.js';
import { insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';
import {
  createCustomer,
  createSku,
  EARLY_EXPIRY,
  LATE_EXPIRY,
  line,
  orderDetail,
  placeOrderFor,
  receive,
} from '../orders/order-fixtures.js';
import {
  call,
  confirmTask,
  expectReceivingConsistent,
  moveTasks,
  onHandAt,
  receiveOnPo,
  sentPurchaseOrder,
  startReceivingWorld,
  writtenRows,
  type ReceivingWorld,
} from './receiving-fixtures.js';

describe.each(dialects)('put-away and pick-face replenishment (%s)', (dialect) => {
  let world: ReceivingWorld;
  let warehouses = 0;
  const db = () => world.api.store.database.db;

  beforeAll(async () => {
    world = await startReceivingWorld(dialect);
  });
  afterAll(() => world.api.close());

  /** A warehouse of its own per test: pick face A-01-01, reserve A-01-02, A-01-03. */
  async function warehouse(): Promise<WarehouseFixture & { code: string }> {
    const code = `PA${++warehouses}`;
    return { ...(await insertWarehouse(world.api.store.database, code, 3)), code };
  }
  const setBin = (id: number, fields: { capacity_units?: number | null; zone?: string | null }) =>
    world.api.store.database.write((trx) =>
      trx.updateTable('locations').set(fields).where('id', '=', id).execute(),
    );
  const assignFace = (
    locationId: number,
    skuId: number,
    min: number,
    max: number,
    role = 'manager' as const,
  ) =>
    call(world.api, 'PUT', `/pick-faces/${locationId}`, world.api.as(role), {
      skuId,
      minQuantity: min,
      maxQuantity: max,
    });
  async function receiveUnits(wh: WarehouseFixture, skuId: number, quantity: number) {
    const po = await sentPurchaseOrder(world.api.store.database, world.supplierId, wh.id, [
      { skuId, quantity },
    ]);
    const response = await receiveOnPo(world, po.id, { skuId, quantity });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { putawayTaskIds: number[] };
  }

  it('suggests the pick face up to max, then reserve, split by capacity, in pick-path order', async () => {
    const wh = await warehouse();
    const [face, reserve, reserve2] = wh.bins as [number, number, number];
    const skuId = await createSku(world, false);
    expect((await assignFace(face, skuId, 2, 10, 'warehouse' as 'manager')).statusCode).toBe(403);
    expect((await assignFace(face, skuId, 2, 10)).statusCode).toBe(200);
    await setBin(reserve, { capacity_units: 12 });
    const receipt = await receiveUnits(wh, skuId, 30);
    expect(receipt.putawayTaskIds).toHaveLength(3);
    const tasks = await moveTasks(world, '&kind=putaway', wh.id);
    expect(tasks.map((t) => [t.suggestedLocationId, t.quantity])).toEqual([
      [face, 10],
      [reserve, 12],
      [reserve2, 8],
    ]);
    // Open tasks count against a bin's room: the next receipt finds the face and reserve full.
    const next = await receiveUnits(wh, skuId, 5);
    const added = (await moveTasks(world, '&kind=putaway', wh.id)).filter((t) =>
      next.putawayTaskIds.includes(t.id),
    );
    expect(added.map((t) => [t.suggestedLocationId, t.quantity])).toEqual([[reserve2, 5]]);
    await expectReceivingConsistent(db());
  });

  it('confirms by scanning the bin: wrong barcodes refused, another valid bin recorded', async () => {
    const wh = await warehouse();
    const [, reserve, reserve2] = wh.bins as [number, number, number];
    const skuId = await createSku(world, false);
    const { putawayTaskIds } = await receiveUnits(wh, skuId, 8);
    const [taskId] = putawayTaskIds as [number];
    const task = (await moveTasks(world, '', wh.id)).find((t) => t.id === taskId)!;
    expect(task.suggestedLocationId).toBe(reserve);

    const before = await writtenRows(db());
    const unknown = await confirmTask(world, taskId, 'NO-SUCH-BIN');
    expect(unknown.json().code).toBe('RECEIVING.UNKNOWN_LOCATION');
    const dock = await confirmTask(world, taskId, `${wh.code}-RECEIVING`);
    expect(dock.json().code).toBe('RECEIVING.NOT_A_BIN');
    const otherWarehouse = await confirmTask(world, taskId, 'MAIN-A-01-02');
    expect(otherWarehouse.json().code).toBe('RECEIVING.UNKNOWN_LOCATION');
    await setBin(reserve2, { capacity_units: 5 });
    const full = await confirmTask(world, taskId, `${wh.code}-A-01-03`);
    expect(full.json().code).toBe('RECEIVING.BIN_FULL');
    expect(await writtenRows(db())).toEqual(before);

    await setBin(reserve2, { capacity_units: null });
    const done = await confirmTask(world, taskId, `${wh.code}-A-01-03\r\n`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ toLocationId: reserve2, suggestedLocationId: reserve });
    expect(await onHandAt(db(), reserve2, skuId)).toBe(8);
    expect(await onHandAt(db(), wh.place.receiving!, skuId)).toBe(0);
    const movement = await db()
      .selectFrom('stock_movements')
      .selectAll()
      .where('id', '=', done.json().movementIds[0])
      .executeTakeFirstOrThrow();
    expect(movement).toMatchObject({ type: 'putaway', from_location_id: wh.place.receiving });
    const again = await confirmTask(world, taskId, `${wh.code}-A-01-03`);
    expect(again.statusCode).toBe(409);
    const listed = await moveTasks(world, '&status=done', wh.id);
    expect(listed.find((t) => t.id === taskId)).toMatchObject({ toLocationId: reserve2 });
    await expectReceivingConsistent(db());
  });

  it('lets two workers filling one bin at once not exceed its capacity', async () => {
    const wh = await warehouse();
    const reserve2 = wh.bins[2]!;
    const skuId = await createSku(world, false);
    const first = await receiveUnits(wh, skuId, 5);
    const second = await receiveUnits(wh, skuId, 5);
    await setBin(reserve2, { capacity_units: 8 });
    const [a, b] = await Promise.all([
      confirmTask(world, first.putawayTaskIds[0]!, `${wh.code}-A-01-03`),
      confirmTask(world, second.putawayTaskIds[0]!, `${wh.code}-A-01-03`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 422]);
    expect([a, b].find((r) => r.statusCode === 422)!.json().code).toBe('RECEIVING.BIN_FULL');
    expect(await onHandAt(db(), reserve2, skuId)).toBe(5);
    await expectReceivingConsistent(db());
  });

  it('fills a waiting backorder once the receipt is put away, not before', async () => {
    const wh = await warehouse();
    const skuId = await createSku(world, false);
    const customerId = await createCustomer(world, `RCV-${dialect}-1`);
    const order = await placeOrderFor(world, customerId, [line(skuId, 5)]);
    expect((await orderDetail(world, order.id)).lines[0]!.quantityBackordered).toBe(5);
    const { putawayTaskIds } = await receiveUnits(wh, skuId, 8);
    expect((await orderDetail(world, order.id)).lines[0]!.quantityAllocated).toBe(0);
    const done = await confirmTask(world, putawayTaskIds[0]!, `${wh.code}-A-01-02`);
    expect(done.statusCode, done.body).toBe(200);
    const after = await orderDetail(world, order.id);
    expect(after.lines[0]).toMatchObject({ quantityAllocated: 5, quantityBackordered: 0 });
    await expectReceivingConsistent(db());
  });

  it('plans replenishment once per face, FEFO from reserve, up to max', async () => {
    const wh = await warehouse();
    const [face, reserve, reserve2] = wh.bins as [number, number, number];
    const skuId = await createSku(world);
    await receive(world, skuId, 12, {
      locationId: reserve,
      lotCode: 'LATE',
      expiryDate: LATE_EXPIRY,
    });
    await receive(world, skuId, 6, {
      locationId: reserve2,
      lotCode: 'EARLY',
      expiryDate: EARLY_EXPIRY,
    });
    expect((await assignFace(face, skuId, 4, 10)).statusCode).toBe(200);
    const plan = () =>
      call(
        world.api,
        'POST',
        `/warehouses/${wh.id}/pick-face-replenishment`,
        world.api.as('warehouse'),
      );
    const first = await plan();
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().taskIds).toHaveLength(2);
    const tasks = await moveTasks(world, '&kind=replenish', wh.id);
    expect(tasks.map((t) => [t.fromLocationId, t.suggestedLocationId, t.quantity])).toEqual([
      [reserve2, face, 6],
      [reserve, face, 4],
    ]);
    expect((await plan()).json().taskIds).toEqual([]);
    for (const task of tasks) {
      const done = await confirmTask(world, task.id, `${wh.code}-A-01-01`);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().kind).toBe('replenish');
    }
    expect(await onHandAt(db(), face, skuId)).toBe(10);
    expect((await planPickFaceReplenishment(world.api.ctx, wh.id)).taskIds).toEqual([]);
    await expectReceivingConsistent(db());
  });

  it('refuses a pick face range or bin that makes no sense, and deletes assignments', async () => {
    const wh = await warehouse();
    const [face, reserve] = wh.bins as [number, number];
    const skuId = await createSku(world, false);
    expect((await assignFace(reserve, skuId, 1, 5)).json().code).toBe('RECEIVING.NOT_A_PICK_FACE');
    expect((await assignFace(face, skuId, 5, 5)).json().code).toBe('RECEIVING.BAD_PICK_FACE_RANGE');
    expect((await assignFace(face, skuId, 1, 5)).statusCode).toBe(200);
    const listed = await call(
      world.api,
      'GET',
      `/pick-faces?warehouseId=${wh.id}`,
      world.api.as('sales'),
    );
    expect(listed.json().items).toEqual([
      { locationId: face, skuId, minQuantity: 1, maxQuantity: 5 },
    ]);
    const remove = () =>
      world.api.app.inject({
        method: 'DELETE',
        url: `/api/v1/pick-faces/${face}`,
        headers: world.api.as('manager'),
      });
    expect((await remove()).statusCode).toBe(200);
    expect((await remove()).statusCode).toBe(404);
  });
});

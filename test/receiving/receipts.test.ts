import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { createSku, EARLY_EXPIRY } from '../orders/order-fixtures.js';
import {
  call,
  expectReceivingConsistent,
  gs1,
  gtinsOf,
  moveTasks,
  onHandAt,
  receiveOnPo,
  sentPurchaseOrder,
  startReceivingWorld,
  writtenRows,
  type ReceivingWorld,
} from './receiving-fixtures.js';

describe.each(dialects)('receiving against purchase orders (%s)', (dialect) => {
  let world: ReceivingWorld;
  const db = () => world.api.store.database.db;
  const po = (lines: { skuId: number; quantity: number }[]) =>
    sentPurchaseOrder(world.api.store.database, world.supplierId, world.warehouse.id, lines);
  const poRow = (id: number) =>
    db().selectFrom('purchase_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const lineRow = (id: number) =>
    db()
      .selectFrom('purchase_order_lines')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    world = await startReceivingWorld(dialect);
  });
  afterAll(() => world.api.close());

  it('receives a GS1-128 case label: (37) cases of the pack, lot and expiry from the label', async () => {
    const skuId = await createSku(world);
    const { id, lineIds } = await po([{ skuId, quantity: 40 }]);
    const scan = gs1(gtinsOf(world.skuCount).case, {
      lot: 'L-0301',
      expiry: EARLY_EXPIRY,
      count: 5,
    });
    const response = await receiveOnPo(world, id, { scan });
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({ quantity: 20, damaged: false, status: 'partially_received' });
    expect(receipt.locationId).toBe(world.warehouse.place.receiving);
    expect(await onHandAt(db(), world.warehouse.place.receiving!, skuId)).toBe(20);
    const lot = await db()
      .selectFrom('lots')
      .selectAll()
      .where('id', '=', receipt.lotId)
      .executeTakeFirstOrThrow();
    expect(lot).toMatchObject({ code: 'L-0301', expiry_date: EARLY_EXPIRY });
    expect(Number((await lineRow(lineIds[0]!)).quantity_received)).toBe(20);
    expect((await poRow(id)).status).toBe('partially_received');
    const row = await db()
      .selectFrom('receipts')
      .selectAll()
      .where('id', '=', receipt.receiptId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purchase_order_line_id: lineIds[0], quantity: 20 });
    expect(row.movement_id).toBe(receipt.movementIds[0]);
    const events = await db()
      .selectFrom('outbox_events')
      .select(['type', 'payload'])
      .where('type', 'in', ['purchase_order.received', 'stock.received'])
      .where('aggregate_id', 'in', [String(id), String(skuId)])
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(['purchase_order.received', 'stock.received']);
    const poEvent = JSON.parse(events.find((e) => e.type === 'purchase_order.received')!.payload);
    expect(poEvent.line).toMatchObject({ id: lineIds[0], quantity: 20, quantityReceived: 20 });
    await expectReceivingConsistent(db());
  });

  it('counts a case GTIN-14 as its pack and an each GTIN-13 as one; lot keyed beside it', async () => {
    const skuId = await createSku(world);
    const gtins = gtinsOf(world.skuCount);
    const { id, lineIds } = await po([{ skuId, quantity: 13 }]);
    const lot = { lotCode: 'L-77', expiryDate: EARLY_EXPIRY };
    const cases = await receiveOnPo(world, id, { scan: gtins.case, packs: 3, ...lot });
    expect(cases.statusCode, cases.body).toBe(201);
    expect(cases.json().quantity).toBe(12);
    const each = await receiveOnPo(world, id, { scan: `${gtins.each}\r\n`, ...lot });
    expect(each.statusCode, each.body).toBe(201);
    expect(each.json()).toMatchObject({ quantity: 1, status: 'received' });
    expect(Number((await lineRow(lineIds[0]!)).quantity_received)).toBe(13);
    const order = await poRow(id);
    expect(order.status).toBe('received');
    expect(order.received_at).not.toBeNull();
    await expectReceivingConsistent(db());
  });

  it('refuses a lot-tracked SKU without a lot, and writes nothing', async () => {
    const skuId = await createSku(world);
    const { id } = await po([{ skuId, quantity: 10 }]);
    const before = await writtenRows(db());
    const response = await receiveOnPo(world, id, { scan: gtinsOf(world.skuCount).each });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('INVENTORY.LOT_REQUIRED');
    expect(await writtenRows(db())).toEqual(before);
    expect((await poRow(id)).status).toBe('sent');
  });

  it('leaves a partial receipt open, accepts over-receipt within the tolerance', async () => {
    const skuId = await createSku(world, false);
    const { id, lineIds } = await po([{ skuId, quantity: 20 }]);
    const first = await receiveOnPo(world, id, { skuId, quantity: 15 });
    expect(first.statusCode, first.body).toBe(201);
    expect((await poRow(id)).status).toBe('partially_received');
    const over = await receiveOnPo(world, id, { skuId, quantity: 7 });
    expect(over.statusCode, over.body).toBe(201);
    expect(Number((await lineRow(lineIds[0]!)).quantity_received)).toBe(22);
    expect((await poRow(id)).status).toBe('received');
    await expectReceivingConsistent(db());
  });

  it('refuses a receipt beyond the tolerance with nothing written (422 OVER_TOLERANCE)', async () => {
    const skuId = await createSku(world, false);
    const { id } = await po([{ skuId, quantity: 20 }]);
    expect((await receiveOnPo(world, id, { skuId, quantity: 10 })).statusCode).toBe(201);
    const before = await writtenRows(db());
    const refused = await receiveOnPo(world, id, { skuId, quantity: 13 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RECEIVING.OVER_TOLERANCE', ceiling: 22 });
    expect(await writtenRows(db())).toEqual(before);
    expect((await receiveOnPo(world, id, { skuId, quantity: 12 })).statusCode).toBe(201);
  });

  it('lets only one of two simultaneous receipts past the ceiling of a line', async () => {
    const skuId = await createSku(world, false);
    const { id, lineIds } = await po([{ skuId, quantity: 20 }]);
    const [a, b] = await Promise.all([
      receiveOnPo(world, id, { skuId, quantity: 12 }),
      receiveOnPo(world, id, { skuId, quantity: 12 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 422]);
    expect(Number((await lineRow(lineIds[0]!)).quantity_received)).toBe(12);
    await expectReceivingConsistent(db());
  });

  it('takes the tolerance from the settings', async () => {
    const skuId = await createSku(world, false);
    const { id } = await po([{ skuId, quantity: 20 }]);
    await world.api.store.database.write((trx) =>
      trx
        .insertInto('settings')
        .values({ key: 'receiving_over_tolerance_pct', value: '0' })
        .execute(),
    );
    try {
      const refused = await receiveOnPo(world, id, { skuId, quantity: 21 });
      expect(refused.json().code).toBe('RECEIVING.OVER_TOLERANCE');
      expect((await receiveOnPo(world, id, { skuId, quantity: 20 })).statusCode).toBe(201);
    } finally {
      await world.api.store.database.write((trx) =>
        trx.deleteFrom('settings').where('key', '=', 'receiving_over_tolerance_pct').execute(),
      );
    }
  });

  it('books damaged goods to DAMAGED: received and damaged on the line, no put-away', async () => {
    const skuId = await createSku(world, false);
    const { id, lineIds } = await po([{ skuId, quantity: 10 }]);
    const response = await receiveOnPo(world, id, { skuId, quantity: 4, damaged: true });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ damaged: true, putawayTaskIds: [] });
    expect(await onHandAt(db(), world.warehouse.place.damaged!, skuId)).toBe(4);
    expect(await onHandAt(db(), world.warehouse.place.receiving!, skuId)).toBe(0);
    const line = await lineRow(lineIds[0]!);
    expect([Number(line.quantity_received), Number(line.quantity_damaged)]).toEqual([4, 4]);
    expect((await moveTasks(world)).filter((t) => t.skuId === skuId)).toEqual([]);
    await expectReceivingConsistent(db());
  });

  it('refuses a SKU not on the PO, an unknown GTIN, a scan that is no item, a draft PO', async () => {
    const skuId = await createSku(world, false);
    const other = await createSku(world, false);
    const { id } = await po([{ skuId, quantity: 10 }]);
    const codes = async (body: Record<string, unknown>, poId = id) =>
      (await receiveOnPo(world, poId, body)).json().code;
    expect(await codes({ skuId: other, quantity: 1 })).toBe('RECEIVING.SKU_NOT_ON_PO');
    expect(await codes({ scan: '4006381333931' })).toBe('CATALOG.GTIN_NOT_FOUND');
    expect(await codes({ scan: 'MAIN-A-01-02' })).toBe('RECEIVING.SCAN_NOT_AN_ITEM');
    expect(await codes({ scan: gtinsOf(world.skuCount - 1).each, skuId: other })).toBe(
      'RECEIVING.SCAN_MISMATCH',
    );
    await world.api.store.database.write((trx) =>
      trx.updateTable('purchase_orders').set({ status: 'draft' }).where('id', '=', id).execute(),
    );
    expect(await codes({ skuId, quantity: 1 })).toBe('RECEIVING.PO_NOT_OPEN');
    expect((await receiveOnPo(world, 999_999, { skuId, quantity: 1 })).statusCode).toBe(404);
  });

  it('books a retried scan once when it carries the same Idempotency-Key', async () => {
    const skuId = await createSku(world, false);
    const { id, lineIds } = await po([{ skuId, quantity: 10 }]);
    const headers = { ...world.api.as('warehouse'), 'idempotency-key': `dock-scan-${dialect}` };
    const first = await receiveOnPo(world, id, { skuId, quantity: 3 }, headers);
    const retry = await receiveOnPo(world, id, { skuId, quantity: 3 }, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.json().receiptId).toBe(first.json().receiptId);
    expect(Number((await lineRow(lineIds[0]!)).quantity_received)).toBe(3);
  });

  it('lets only admin and manager receive without a PO (403 for warehouse)', async () => {
    const skuId = await createSku(world, false);
    const body = { warehouseId: world.warehouse.id, skuId, quantity: 6 };
    const refused = await call(
      world.api,
      'POST',
      '/receipts/unplanned',
      world.api.as('warehouse'),
      body,
    );
    expect(refused.statusCode).toBe(403);
    const taken = await call(
      world.api,
      'POST',
      '/receipts/unplanned',
      world.api.as('manager'),
      body,
    );
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json().putawayTaskIds).toHaveLength(1);
    expect(await onHandAt(db(), world.warehouse.place.receiving!, skuId)).toBe(6);
    const row = await db()
      .selectFrom('receipts')
      .selectAll()
      .where('id', '=', taken.json().receiptId)
      .executeTakeFirstOrThrow();
    expect(row.purchase_order_id).toBeNull();
    await expectReceivingConsistent(db());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  CASE_PRICE,
  CASE_SIZE,
  LATE_EXPIRY,
  createCustomer,
  createSku,
  line,
  orderDetail,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import {
  authorizedReturn,
  expectLedgerSound,
  onHandAt,
  returnCall,
  returnDetail,
  shippedOrder,
  type ShippedOrder,
} from './fulfillment-fixtures.js';

/** dogFood's standard cost: what a write-off is valued at, per bag. */
const STANDARD_COST = 649;
const EACH_OF_CASE = CASE_PRICE / CASE_SIZE;

describe.each(dialects)('return dispositions on %s', (dialect) => {
  let world: OrderWorld;
  let customer: number;
  let place: Record<string, number>;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    customer = await createCustomer(world, 'RET-1');
    place = world.warehouse.place;
  });
  afterAll(async () => world?.api.close());

  /** A lot-tracked SKU, 2 cases (8 bags) of lot L1 shipped to the customer. */
  async function shippedCases(): Promise<{ sku: number; order: ShippedOrder }> {
    const sku = await createSku(world);
    await receive(world, sku, 8, { lotCode: 'L1', expiryDate: LATE_EXPIRY });
    const order = await shippedOrder(world, customer, [line(sku, 2, 'case')]);
    expect(order.lines[0]!.quantityShipped).toBe(8);
    await expectLedgerSound(world);
    return { sku, order };
  }

  /** Authorizes and receives `quantity` bags of lot L1; returns the RMA id and its line. */
  async function receivedReturn(order: ShippedOrder, quantity: number, reason = 'not_wanted') {
    const rma = await authorizedReturn(world, order.orderId, reason, [
      { orderLineId: order.lines[0]!.id, quantity },
    ]);
    const lineId = rma.lines[0]!.id;
    const received = await returnCall(world, `/${rma.id}/receive`, {
      lines: [{ returnLineId: lineId, quantity, lotCode: 'L1' }],
    });
    expect(received.statusCode, received.body).toBe(200);
    await expectLedgerSound(world);
    return { id: rma.id, lineId };
  }

  async function dispose(
    returnId: number,
    lineId: number,
    disposition: string,
    locationId?: number,
  ) {
    const response = await returnCall(world, `/${returnId}/dispose`, {
      lines: [{ returnLineId: lineId, disposition, ...(locationId ? { locationId } : {}) }],
    });
    expect(response.statusCode, response.body).toBe(200);
    await expectLedgerSound(world);
    return response.json() as { lines: { locationId: number; writeOffMinor: number }[] };
  }

  const movementsOf = (sku: number) =>
    world.api.store.database.db
      .selectFrom('stock_movements')
      .select([
        'from_location_id as from',
        'to_location_id as to',
        'quantity',
        'type',
        'reason_code as reason',
      ])
      .where('sku_id', '=', sku)
      .where('type', 'not in', ['receipt', 'pick', 'ship'])
      .orderBy('id')
      .execute();

  it('receives into RECEIVING from CUSTOMER and credits at the case price per bag', async () => {
    const { sku, order } = await shippedCases();
    const { id } = await receivedReturn(order, 3);
    expect(await onHandAt(world, place.receiving!, sku)).toBe(3);
    expect(await movementsOf(sku)).toEqual([
      {
        from: place.customer,
        to: place.receiving,
        quantity: 3,
        type: 'return',
        reason: 'not_wanted',
      },
    ]);
    const rma = await returnDetail(world, id);
    expect(rma).toMatchObject({ status: 'received', creditMinor: 3 * EACH_OF_CASE });
    expect(rma.lines[0]).toMatchObject({
      quantityReceived: 3,
      lotCode: 'L1',
      locationId: place.receiving,
    });
  });

  it('restocks to a reserve bin, then closes with the credit memo on the outbox', async () => {
    const { sku, order } = await shippedCases();
    const { id, lineId } = await receivedReturn(order, 3);
    await dispose(id, lineId, 'restock', world.reserve);
    expect(await onHandAt(world, world.reserve, sku)).toBe(3);
    expect(await onHandAt(world, place.receiving!, sku)).toBe(0);

    const closed = await returnCall(world, `/${id}/close`, undefined);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', creditMinor: 3 * EACH_OF_CASE });
    const memo = await world.api.store.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'return.credit_memo')
      .where('aggregate_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(memo.payload)).toMatchObject({
      customerId: customer,
      creditMinor: 1350,
      currency: 'USD',
    });
    const timeline = (await orderDetail(world, order.orderId)).timeline.map((e) => e.type);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'return_authorized',
        'return_received',
        'return_disposed',
        'return_closed',
      ]),
    );
    await expectLedgerSound(world);
  });

  it('quarantines to the QUARANTINE location', async () => {
    const { sku, order } = await shippedCases();
    const { id, lineId } = await receivedReturn(order, 2, 'quality');
    const result = await dispose(id, lineId, 'quarantine');
    expect(result.lines[0]!.locationId).toBe(place.quarantine);
    expect(await onHandAt(world, place.quarantine!, sku)).toBe(2);
    expect((await movementsOf(sku)).at(-1)).toMatchObject({
      from: place.receiving,
      to: place.quarantine,
      type: 'status_change',
    });
  });

  it('writes damaged goods off through DAMAGED to SCRAP at standard cost', async () => {
    const { sku, order } = await shippedCases();
    const { id, lineId } = await receivedReturn(order, 4, 'damaged_in_transit');
    const result = await dispose(id, lineId, 'damaged');
    expect(result.lines[0]).toMatchObject({
      locationId: place.scrap,
      writeOffMinor: 4 * STANDARD_COST,
    });
    expect(await onHandAt(world, place.damaged!, sku)).toBe(0);
    expect(await onHandAt(world, place.scrap!, sku)).toBe(4);
    expect((await movementsOf(sku)).slice(-2)).toEqual([
      {
        from: place.receiving,
        to: place.damaged,
        quantity: 4,
        type: 'status_change',
        reason: 'return_damaged',
      },
      { from: place.damaged, to: place.scrap, quantity: 4, type: 'adjustment', reason: 'damaged' },
    ]);
  });

  it('sends goods back to the vendor through SUPPLIER', async () => {
    const { sku, order } = await shippedCases();
    const { id, lineId } = await receivedReturn(order, 1, 'expired');
    const result = await dispose(id, lineId, 'return_to_vendor');
    expect(result.lines[0]!.locationId).toBe(place.supplier);
    expect(await onHandAt(world, place.receiving!, sku)).toBe(0);
    expect((await movementsOf(sku)).at(-1)).toEqual({
      from: place.receiving,
      to: place.supplier,
      quantity: 1,
      type: 'return',
      reason: 'return_to_vendor',
    });
  });

  it('disposes each line once, and restocks only to a sellable bin', async () => {
    const { order } = await shippedCases();
    const { id, lineId } = await receivedReturn(order, 2);
    const toQuarantine = await returnCall(world, `/${id}/dispose`, {
      lines: [{ returnLineId: lineId, disposition: 'restock', locationId: place.quarantine }],
    });
    expect(toQuarantine.json().code).toBe('RETURN.NOT_A_SELLABLE_BIN');
    const noBin = await returnCall(world, `/${id}/dispose`, {
      lines: [{ returnLineId: lineId, disposition: 'restock' }],
    });
    expect(noBin.json().code).toBe('RETURN.BIN_REQUIRED');
    await dispose(id, lineId, 'quarantine');
    const again = await returnCall(world, `/${id}/dispose`, {
      lines: [{ returnLineId: lineId, disposition: 'restock', locationId: world.reserve }],
    });
    expect(again.json().code).toBe('RETURN.ALREADY_DISPOSED');
    await expectLedgerSound(world);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createSku, startOrderWorld, type OrderWorld } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import {
  createDraftPurchaseOrder,
  createSentPurchaseOrder,
  createSupplier,
  createSupplierSku,
  sendPurchaseOrder,
} from './purchasing-fixtures.js';
import { bookPoReceipt, poLineIds } from './receipt-fixtures.js';

interface PoDetail {
  id: number;
  number: string;
  status: string;
  expectedDate: string | null;
  sentAt: string | null;
  totalMinor: number;
  lines: {
    id: number;
    skuId: number;
    supplierSku: string | null;
    quantityOrdered: number;
    quantityReceived: number;
    quantityCancelled: number;
    quantityOpen: number;
    unitCostMinor: number;
  }[];
  receipts: { lineId: number; quantity: number }[];
}

describe.each(dialects)('purchase orders (%s)', (dialect) => {
  let world: OrderWorld;
  let supplierId: number;
  let dogFood: number;
  let catLitter: number;
  const planner = () => world.api.as('planner');
  const detail = async (id: number) => {
    const response = await call(world.api, 'GET', `/purchase-orders/${id}`, world.api.as('sales'));
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PoDetail;
  };
  const command = (id: number, verb: string, body?: unknown) =>
    call(
      world.api,
      'POST',
      `/purchase-orders/${id}/${verb}`,
      planner(),
      body ?? (verb === 'cancel' ? {} : undefined),
    );
  const events = async (id: number) =>
    (
      await world.api.store.database.db
        .selectFrom('outbox_events')
        .select('type')
        .where('aggregate_type', '=', 'purchase_order')
        .where('aggregate_id', '=', String(id))
        .orderBy('id')
        .execute()
    ).map((e) => e.type);

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    supplierId = await createSupplier(world.api, { leadTimeDays: 10 });
    dogFood = await createSku(world, false);
    catLitter = await createSku(world, false);
    await createSupplierSku(world.api, supplierId, dogFood, {
      costMinor: 420,
      supplierSku: 'AC-DOG',
    });
  });
  afterAll(() => world.api.close());

  it('drafts a numbered PO costed from the price list, due after the stated lead time', async () => {
    const po = await createDraftPurchaseOrder(world.api, {
      supplierId,
      warehouseId: world.warehouse.id,
      lines: [
        { skuId: dogFood, quantity: 40 },
        { skuId: catLitter, quantity: 10, unitCostMinor: 250 },
      ],
    });
    expect(po.number).toMatch(/^PO-\d{6}$/);
    const got = await detail(po.id);
    expect(got).toMatchObject({ status: 'draft', expectedDate: '2026-03-12', sentAt: null });
    expect(got.lines).toMatchObject([
      { skuId: dogFood, supplierSku: 'AC-DOG', unitCostMinor: 420, quantityOpen: 40 },
      // Not on the supplier's list: the SKU's standard cost unless the buyer names one.
      { skuId: catLitter, supplierSku: null, unitCostMinor: 250 },
    ]);
    expect(got.totalMinor).toBe(40 * 420 + 10 * 250);
    expect(await events(po.id)).toEqual(['purchase_order.created']);
  });

  it('edits lines while draft, then refuses once sent (409)', async () => {
    const po = await createDraftPurchaseOrder(world.api, {
      supplierId,
      warehouseId: world.warehouse.id,
      lines: [{ skuId: dogFood, quantity: 8 }],
    });
    const edit = await call(world.api, 'PATCH', `/purchase-orders/${po.id}`, planner(), {
      expectedDate: '2026-03-20',
      lines: [
        { skuId: catLitter, quantity: 5 },
        { skuId: dogFood, quantity: 12, expectedDate: '2026-03-25' },
      ],
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = await detail(po.id);
    expect(edited.expectedDate).toBe('2026-03-20');
    expect(edited.lines.map((l) => [l.skuId, l.quantityOrdered])).toEqual([
      [catLitter, 5],
      [dogFood, 12],
    ]);
    await sendPurchaseOrder(world.api, po.id);
    const late = await call(world.api, 'PATCH', `/purchase-orders/${po.id}`, planner(), {
      notes: 'too late',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'PURCHASING.PO_NOT_EDITABLE',
      status: 409,
      poStatus: 'sent',
    });
  });

  it('refuses bad POs with clear codes', async () => {
    const base = { supplierId, warehouseId: world.warehouse.id };
    const cases: [unknown, string, number][] = [
      [{ ...base, lines: [] }, 'REQUEST.INVALID', 400],
      [{ ...base, lines: [{ skuId: dogFood, quantity: 0 }] }, 'REQUEST.INVALID', 400],
      [{ ...base, lines: [{ skuId: 999_999, quantity: 1 }] }, 'PURCHASING.SKU_NOT_FOUND', 404],
      [
        {
          ...base,
          lines: [
            { skuId: dogFood, quantity: 1 },
            { skuId: dogFood, quantity: 2 },
          ],
        },
        'PURCHASING.REPEATED_SKU',
        422,
      ],
      [
        { ...base, supplierId: 999_999, lines: [{ skuId: dogFood, quantity: 1 }] },
        'PURCHASING.SUPPLIER_NOT_FOUND',
        404,
      ],
      [
        { ...base, warehouseId: 999_999, lines: [{ skuId: dogFood, quantity: 1 }] },
        'PURCHASING.WAREHOUSE_NOT_FOUND',
        404,
      ],
    ];
    for (const [body, code, status] of cases) {
      const response = await call(world.api, 'POST', '/purchase-orders', planner(), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().code).toBe(code);
    }
    const before = await world.api.store.database.db
      .selectFrom('purchase_orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // A refused PO leaves nothing behind (one unit of work).
    const refused = await call(world.api, 'POST', '/purchase-orders', planner(), cases[3]![0]);
    expect(refused.statusCode).toBe(422);
    const after = await world.api.store.database.db
      .selectFrom('purchase_orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('sends a draft, cancels a sent PO, and refuses moves out of final states (409)', async () => {
    const po = await createDraftPurchaseOrder(world.api, {
      supplierId,
      warehouseId: world.warehouse.id,
      lines: [{ skuId: dogFood, quantity: 20 }],
    });
    expect((await command(po.id, 'close')).json().code).toBe('PURCHASING.ILLEGAL_TRANSITION');
    const sent = await command(po.id, 'send');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ id: po.id, status: 'sent' });
    expect((await detail(po.id)).sentAt).toBe('2026-03-02T12:00:00.000Z');
    const again = await command(po.id, 'send');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'PURCHASING.ILLEGAL_TRANSITION',
      from: 'sent',
      to: 'sent',
    });
    const cancelled = await command(po.id, 'cancel', { reason: 'Supplier out of stock' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const got = await detail(po.id);
    expect(got.status).toBe('cancelled');
    expect(got.lines[0]).toMatchObject({ quantityCancelled: 20, quantityOpen: 0 });
    for (const verb of ['send', 'cancel', 'close']) {
      const response = await command(po.id, verb);
      expect(response.statusCode, verb).toBe(409);
      expect(response.json().code).toBe('PURCHASING.ILLEGAL_TRANSITION');
    }
    expect(await events(po.id)).toEqual([
      'purchase_order.created',
      'purchase_order.sent',
      'purchase_order.cancelled',
    ]);
  });

  it('closes a partially received PO: the rest is cancelled; a received PO cannot be cancelled', async () => {
    const po = await createSentPurchaseOrder(world.api, {
      supplierId,
      warehouseId: world.warehouse.id,
      lines: [
        { skuId: dogFood, quantity: 30 },
        { skuId: catLitter, quantity: 10 },
      ],
    });
    const [dogLine, litterLine] = await poLineIds(world.api.store.database, po.id);
    await bookPoReceipt(world.api.store.database, dogLine!, 18, '2026-03-09T10:00:00.000Z');
    expect((await detail(po.id)).status).toBe('partially_received');
    const cancel = await command(po.id, 'cancel');
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().code).toBe('PURCHASING.ILLEGAL_TRANSITION');
    const closed = await command(po.id, 'close');
    expect(closed.statusCode, closed.body).toBe(200);
    const got = await detail(po.id);
    expect(got.status).toBe('closed');
    expect(got.lines.map((l) => [l.quantityReceived, l.quantityCancelled, l.quantityOpen])).toEqual(
      [
        [18, 12, 0],
        [0, 10, 0],
      ],
    );
    expect(got.receipts).toMatchObject([{ lineId: dogLine, quantity: 18 }]);
    // Invariant on every line of a finished PO: ordered = received + cancelled (no over-receipt here).
    for (const l of got.lines)
      expect(l.quantityReceived + l.quantityCancelled).toBe(l.quantityOrdered);
    expect(litterLine).toBeDefined();
    expect(await events(po.id)).toContain('purchase_order.closed');
  });

  it('refuses to send below the supplier’s minimums', async () => {
    const picky = await createSupplier(world.api, { minOrderValueMinor: 10_000 });
    await createSupplierSku(world.api, picky, dogFood, {
      costMinor: 500,
      orderMultiple: 4,
      minOrderQuantity: 8,
    });
    const draft = (quantity: number) =>
      createDraftPurchaseOrder(world.api, {
        supplierId: picky,
        warehouseId: world.warehouse.id,
        lines: [{ skuId: dogFood, quantity }],
      });
    const expectRefusal = async (quantity: number, code: string) => {
      const response = await command((await draft(quantity)).id, 'send');
      expect(response.statusCode, `${quantity}`).toBe(422);
      expect(response.json().code).toBe(code);
    };
    await expectRefusal(4, 'PURCHASING.BELOW_MOQ');
    await expectRefusal(10, 'PURCHASING.NOT_ORDER_MULTIPLE');
    await expectRefusal(12, 'PURCHASING.BELOW_MINIMUM_ORDER'); // 12 × 5.00 < 100.00
    const ok = await command((await draft(20)).id, 'send');
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('lists POs by status, supplier, warehouse and SKU, newest first, page by page', async () => {
    const other = await createSupplier(world.api);
    const mine = await createSentPurchaseOrder(world.api, {
      supplierId: other,
      warehouseId: world.warehouse.id,
      lines: [{ skuId: catLitter, quantity: 3 }],
    });
    const bySupplier = await call(
      world.api,
      'GET',
      `/purchase-orders?supplierId=${other}`,
      planner(),
    );
    expect(bySupplier.json().items.map((p: { id: number }) => p.id)).toEqual([mine.id]);
    const sent = await call(world.api, 'GET', '/purchase-orders?status=sent&limit=500', planner());
    for (const p of sent.json().items) expect(p.status).toBe('sent');
    const bySku = await call(
      world.api,
      'GET',
      `/purchase-orders?skuId=${catLitter}&limit=500`,
      planner(),
    );
    for (const p of bySku.json().items as { id: number }[])
      expect((await detail(p.id)).lines.some((l) => l.skuId === catLitter)).toBe(true);
    const all = (await call(world.api, 'GET', '/purchase-orders?limit=500', planner())).json()
      .items as {
      id: number;
    }[];
    expect(all.map((p) => p.id)).toEqual([...all.map((p) => p.id)].sort((a, b) => b - a));
    const paged: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await call(
        world.api,
        'GET',
        `/purchase-orders?limit=3&warehouseId=${world.warehouse.id}${cursor ? `&cursor=${cursor}` : ''}`,
        planner(),
      );
      paged.push(...page.json().items.map((p: { id: number }) => p.id));
      cursor = page.json().nextCursor;
    }
    expect(paged).toEqual(all.map((p) => p.id));
  });

  it('replays a create with the same Idempotency-Key: one PO, one number', async () => {
    const body = {
      supplierId,
      warehouseId: world.warehouse.id,
      lines: [{ skuId: catLitter, quantity: 7 }],
    };
    const headers = { ...planner(), 'idempotency-key': 'po-create-1' };
    const first = await call(world.api, 'POST', '/purchase-orders', headers, body);
    const second = await call(world.api, 'POST', '/purchase-orders', headers, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const numbered = await world.api.store.database.db
      .selectFrom('purchase_orders')
      .select('id')
      .where('number', '=', first.json().number)
      .execute();
    expect(numbered).toHaveLength(1);
  });

  it('replays a send with the same Idempotency-Key', async () => {
    const po = await createDraftPurchaseOrder(world.api, {
      supplierId,
      warehouseId: world.warehouse.id,
      lines: [{ skuId: dogFood, quantity: 4 }],
    });
    const headers = { ...planner(), 'idempotency-key': `send-${po.id}` };
    const first = await call(world.api, 'POST', `/purchase-orders/${po.id}/send`, headers);
    const second = await call(world.api, 'POST', `/purchase-orders/${po.id}/send`, headers);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((await events(po.id)).filter((e) => e === 'purchase_order.sent')).toHaveLength(1);
  });
});

import type { Database, Tx } from '../../src/adapters/db/database.js';
import {
  NOW,
  customerRow,
  insertWarehouse,
  skuRow,
  type WarehouseFixture,
} from '../support/fixtures.js';

/** Rows straight into the tables: the KPIs read records, not the use cases that write them. */
export { insertWarehouse, type WarehouseFixture };

export async function insertSku(
  database: Database,
  code: string,
  costMinor: number,
  category = 'test',
  lotTracked = false,
): Promise<number> {
  const row = await database.write((trx) =>
    trx
      .insertInto('skus')
      .values({ ...skuRow(code, lotTracked), standard_cost_minor: costMinor, category })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** A ledger row as a bulk load writes it (no balance update: the KPIs read movements). */
export function movementRow(
  skuId: number,
  from: number,
  to: number,
  quantity: number,
  createdAt: string,
  type = 'move',
) {
  return {
    sku_id: skuId,
    lot_id: 0,
    from_location_id: from,
    to_location_id: to,
    quantity,
    type,
    reason_code: null,
    reference: null,
    actor: 'test',
    created_at: createdAt,
  };
}

export async function insertCustomer(trx: Tx, accountNumber: string): Promise<number> {
  const row = await trx
    .insertInto('customers')
    .values(customerRow(accountNumber))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface LineSpec {
  skuId: number;
  ordered: number;
  shipped: number;
  unitPriceMinor?: number;
}

export async function insertOrder(
  trx: Tx,
  customerId: number,
  warehouseId: number,
  createdAt: string,
  lines: LineSpec[],
): Promise<{ orderId: number; lineIds: number[] }> {
  const order = await trx
    .insertInto('orders')
    .values({
      customer_id: customerId,
      customer_po: null,
      ship_to_id: null,
      requested_ship_date: null,
      status: 'shipped',
      hold_reason: null,
      warehouse_id: warehouseId,
      priority: 5,
      currency: 'USD',
      total_minor: 0,
      source: 'api',
      notes: null,
      created_by: 'test',
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lineIds: number[] = [];
  for (const [i, l] of lines.entries()) {
    const price = l.unitPriceMinor ?? 100;
    const row = await trx
      .insertInto('order_lines')
      .values({
        order_id: order.id,
        line_number: i + 1,
        sku_id: l.skuId,
        pack_level: 'each',
        pack_quantity: l.ordered,
        quantity_ordered: l.ordered,
        quantity_allocated: l.shipped,
        quantity_picked: l.shipped,
        quantity_shipped: l.shipped,
        unit_price_minor: price,
        line_total_minor: price * l.ordered,
        price_source: 'test',
        notes: null,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    lineIds.push(row.id);
  }
  return { orderId: order.id, lineIds };
}

export async function insertShipment(
  trx: Tx,
  orderId: number,
  warehouseId: number,
  shippedAt: string,
  promisedDate: string | null,
  deliveredAt: string | null,
): Promise<void> {
  await trx
    .insertInto('shipments')
    .values({
      order_id: orderId,
      warehouse_id: warehouseId,
      carrier_code: 'TEST',
      service: 'ground',
      tracking_number: null,
      cost_minor: 0,
      status: deliveredAt ? 'delivered' : 'shipped',
      shipped_at: shippedAt,
      promised_date: promisedDate,
      delivered_at: deliveredAt,
      pod_name: null,
      pod_note: null,
    })
    .execute();
}

/** A picked task on the order that came up `short` units short. */
export async function insertShortPick(
  trx: Tx,
  orderId: number,
  warehouse: WarehouseFixture,
  skuId: number,
  short: number,
): Promise<void> {
  const wave = await trx
    .insertInto('waves')
    .values({
      warehouse_id: warehouse.id,
      status: 'completed',
      pick_mode: 'discrete',
      carrier_code: null,
      cutoff_at: null,
      created_by: 'test',
      created_at: NOW,
      released_at: NOW,
      completed_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('pick_tasks')
    .values({
      wave_id: wave.id,
      order_id: orderId,
      sku_id: skuId,
      lot_id: 0,
      location_id: warehouse.bins[0]!,
      zone: null,
      sequence: 1,
      quantity: 10,
      picked_quantity: 10 - short,
      short_quantity: short,
      short_reason: 'empty',
      status: 'short',
      tote: null,
      picker: 'test',
      completed_at: NOW,
    })
    .execute();
}

export async function insertReturn(
  trx: Tx,
  orderId: number,
  customerId: number,
  reason: string,
): Promise<void> {
  await trx
    .insertInto('returns')
    .values({
      order_id: orderId,
      customer_id: customerId,
      status: 'authorized',
      reason,
      notes: null,
      credit_minor: 0,
      created_by: 'test',
      created_at: NOW,
      closed_at: null,
    })
    .execute();
}

export async function insertOrderEvent(trx: Tx, orderId: number, type: string): Promise<void> {
  await trx
    .insertInto('order_events')
    .values({ order_id: orderId, type, actor: 'test', data: '{}', created_at: NOW })
    .execute();
}

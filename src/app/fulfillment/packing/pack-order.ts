import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { checkCartonWeight } from '../../../core/fulfillment/pack-verification.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockOrder } from '../../orders/lock-order.js';
import { recordOrderEvents, type OrderEvent } from '../../orders/order-timeline.js';
import { checkPackable } from './packing-state.js';
import { nextSscc } from './sscc-serial.js';

export interface PackOrderInput {
  /** Where it is packed (default: the order's warehouse); a split order is packed in each. */
  warehouseId?: number | undefined;
  /** The box; without one the carton has no weight limit (a pallet, a tote). */
  cartonTypeId?: number | undefined;
}

/** The closed carton `packOrder` made. */
export interface PackedOrder {
  cartonId: number;
  sscc: string;
  weightG: number;
  orderStatus: string;
}

interface StagedLot {
  orderId: number;
  warehouseId: number;
  orderLineId: number;
  skuId: number;
  lotId: number;
  open: number;
  /** The SKU's unit weight (0 when unknown). */
  weightG: number;
  /** Whether a carton of the order is still open at the bench (the same on every row). */
  cartonOpen: boolean;
}

/**
 * Packs, as one command, everything picked for the order in a warehouse and not yet in a
 * carton into one new carton, and closes it: the order is locked once, its picked and packed
 * quantities read once, the contents written in one insert and the timeline (opened, closed,
 * and packed when nothing is left) in one. What it packs is exactly what was picked there, so
 * no verification can fail; the weight limit still applies (`PACK.OVERWEIGHT`). Scanning item
 * by item (`packItem`) stays the way to check each unit at the bench.
 */
export async function packOrder(
  trx: Tx,
  orderId: number,
  input: PackOrderInput,
  actor: Actor,
  now: Date,
): Promise<PackedOrder> {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  checkPackable(order.status);
  const warehouseId = input.warehouseId ?? order.warehouse_id;
  const staged = await stagedLots(trx, [orderId]);
  const here = staged.filter((l) => l.warehouseId === warehouseId && l.open > 0);
  if (here.length === 0) {
    throw new FailureError({
      code: 'PACK.NOTHING_TO_PACK',
      message: `Nothing picked for order ${orderId} in warehouse ${warehouseId} waits for a carton`,
      details: { orderId, warehouseId },
    });
  }
  const weightG = await cartonWeight(trx, here, input.cartonTypeId);
  const sscc = await nextSscc(trx);
  const carton = await trx
    .insertInto('cartons')
    .values({
      order_id: orderId,
      warehouse_id: warehouseId,
      carton_type_id: input.cartonTypeId ?? null,
      sscc,
      status: 'closed',
      weight_g: weightG,
      shipment_id: null,
      created_by: actor.id,
      created_at: nowIso,
      closed_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('carton_contents')
    .values(
      here.map((l) => ({
        carton_id: carton.id,
        order_line_id: l.orderLineId,
        sku_id: l.skuId,
        lot_id: l.lotId,
        quantity: l.open,
      })),
    )
    .execute();
  const events: OrderEvent[] = [
    { type: 'carton_opened', data: { cartonId: carton.id, sscc } },
    { type: 'carton_closed', data: { cartonId: carton.id, sscc, weightG } },
  ];
  let status = order.status as OrderStatus;
  // Everything picked (in every warehouse) is now in cartons: the order is packed.
  const rest = staged.filter((l) => l.warehouseId !== warehouseId && l.open > 0);
  if (status === 'picked' && rest.length === 0 && !staged.some((l) => l.cartonOpen)) {
    status = must(moveOrder(status, 'packed'));
    await trx
      .updateTable('orders')
      .set({ status, updated_at: nowIso })
      .where('id', '=', orderId)
      .execute();
    events.push({ type: 'packed', data: {} });
  }
  await recordOrderEvents(trx, orderId, actor.id, events, nowIso);
  return { cartonId: carton.id, sscc, weightG, orderStatus: status };
}

/** The warehouses where something picked for the order waits for a carton, in id order. */
export async function warehousesToPack(trx: Tx, orderId: number): Promise<number[]> {
  return (await warehousesToPackEach(trx, [orderId])).get(orderId) ?? [];
}

/** `warehousesToPack` for many orders in one read (an evening's packing plans with it). */
export async function warehousesToPackEach(
  trx: Tx,
  orderIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byOrder = new Map<number, number[]>();
  if (orderIds.length === 0) return byOrder;
  for (const l of await stagedLots(trx, orderIds)) {
    if (l.open <= 0) continue;
    const list = byOrder.get(l.orderId) ?? [];
    if (!list.includes(l.warehouseId)) list.push(l.warehouseId);
    byOrder.set(l.orderId, list);
  }
  for (const list of byOrder.values()) list.sort((a, b) => a - b);
  return byOrder;
}

/**
 * Picked minus packed per warehouse, line and lot, with each SKU's weight and whether a carton
 * of the order is open, in one statement.
 */
async function stagedLots(trx: Tx, orderIds: readonly number[]): Promise<StagedLot[]> {
  const rows = await trx
    .selectFrom('allocations as a')
    .innerJoin('allocation_resolutions as r', 'r.allocation_id', 'a.id')
    .innerJoin('skus as s', 's.id', 'a.sku_id')
    .select(['a.order_id', 'a.warehouse_id', 'a.order_line_id', 'a.sku_id', 'a.lot_id'])
    .select('s.weight_g')
    .select(sql<number>`cast(sum(r.quantity) as bigint)`.as('picked'))
    .select(
      sql<number>`(select coalesce(sum(c.quantity), 0) from carton_contents c
        join cartons k on k.id = c.carton_id
        where k.order_id = a.order_id and k.warehouse_id = a.warehouse_id
          and c.order_line_id = a.order_line_id and c.lot_id = a.lot_id)`.as('packed'),
    )
    .select(
      sql<number>`(select count(*) from cartons o
        where o.order_id = a.order_id and o.status = 'open')`.as('open_cartons'),
    )
    .where('a.order_id', 'in', orderIds)
    .where('r.kind', '=', 'picked')
    .groupBy([
      'a.order_id',
      'a.warehouse_id',
      'a.order_line_id',
      'a.sku_id',
      'a.lot_id',
      's.weight_g',
    ])
    .orderBy('a.order_id')
    .orderBy('a.order_line_id')
    .orderBy('a.lot_id')
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    warehouseId: r.warehouse_id,
    orderLineId: r.order_line_id,
    skuId: r.sku_id,
    lotId: r.lot_id,
    open: Number(r.picked) - Number(r.packed),
    weightG: r.weight_g ?? 0,
    cartonOpen: Number(r.open_cartons) > 0,
  }));
}

/** The box's tare plus the goods, checked against the box's limit. */
async function cartonWeight(
  trx: Tx,
  lots: readonly StagedLot[],
  cartonTypeId: number | undefined,
): Promise<number> {
  const type =
    cartonTypeId === undefined
      ? undefined
      : await trx
          .selectFrom('carton_types')
          .select(['tare_weight_g', 'max_weight_g'])
          .where('id', '=', cartonTypeId)
          .executeTakeFirst();
  if (cartonTypeId !== undefined && !type) {
    throw new FailureError({
      code: 'CARTON_TYPE.NOT_FOUND',
      message: `No carton type ${cartonTypeId}`,
    });
  }
  const goodsG = lots.reduce((g, l) => g + l.weightG * l.open, 0);
  return must(
    checkCartonWeight(type?.tare_weight_g ?? 0, goodsG, {
      maxWeightG: type?.max_weight_g ?? null,
    }),
  );
}

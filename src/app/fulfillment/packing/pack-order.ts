import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import { checkCartonWeight } from '../../../core/fulfillment/pack-verification.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockOrder, setOrderStatus } from '../../orders/lock-order.js';
import { recordOrderEvents, type OrderEvent } from '../../orders/order-timeline.js';
import { checkPackable } from './packing-state.js';
import type { CartonToShip } from '../shipping/ship-cartons.js';
import { nextSscc } from './sscc-serial.js';

const INSERT_CLOSED_CARTON = fixedSql(
  'cartons.insert-closed',
  `insert into cartons (order_id, warehouse_id, carton_type_id, sscc, status, weight_g,
     shipment_id, created_by, created_at, closed_at)
   values (?, ?, ?, ?, 'closed', ?, null, ?, ?, ?) returning id`,
);

const INSERT_CONTENTS = fixedSql(
  'carton-contents.insert',
  `insert into carton_contents (carton_id, order_line_id, sku_id, lot_id, quantity)
   select ?, value ->> 'line', value ->> 'sku', value ->> 'lot', value ->> 'q'
   from json_each(?) order by key`,
  `insert into carton_contents (carton_id, order_line_id, sku_id, lot_id, quantity)
   select $1, (e ->> 'line')::bigint, (e ->> 'sku')::bigint, (e ->> 'lot')::bigint,
          (e ->> 'q')::bigint
   from jsonb_array_elements($2::jsonb) with ordinality as r(e, n) order by n`,
);

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
  /** Whether a closed, unshipped carton of the order waits in this row's warehouse. */
  closedCartonHere: boolean;
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
  const packed = await packLockedOrder(trx, order, input, actor, nowIso);
  if (packed.orderStatus !== order.status) {
    await setOrderStatus(trx, orderId, packed.orderStatus, nowIso);
  }
  await recordOrderEvents(trx, orderId, actor.id, packed.events, nowIso);
  return {
    cartonId: packed.cartonId,
    sscc: packed.sscc,
    weightG: packed.weightG,
    orderStatus: packed.orderStatus,
  };
}

/** What packing a locked order did, for a command that goes on with it (pack and ship). */
export interface PackedLockedOrder extends PackedOrder {
  warehouseId: number;
  /** The new carton as shipping takes it. */
  carton: CartonToShip;
  /** Whether other closed cartons of the order wait in that warehouse (packed earlier). */
  moreClosedCartons: boolean;
  /** The timeline events to record; the order's status is not written yet. */
  events: OrderEvent[];
}

/**
 * `packOrder`'s work on an order the caller has locked, short of writing the order's status
 * and timeline: the caller writes them once with its own (pack-and-ship.ts).
 */
export async function packLockedOrder(
  trx: Tx,
  order: { id: number; status: string; warehouse_id: number | null },
  input: PackOrderInput,
  actor: Actor,
  nowIso: string,
): Promise<PackedLockedOrder> {
  const orderId = order.id;
  checkPackable(order.status);
  const warehouseId = input.warehouseId ?? order.warehouse_id;
  const staged = await stagedLots(trx, [orderId]);
  const here = staged.filter((l) => l.warehouseId === warehouseId && l.open > 0);
  if (warehouseId === null || here.length === 0) {
    throw new FailureError({
      code: 'PACK.NOTHING_TO_PACK',
      message: `Nothing picked for order ${orderId} in warehouse ${warehouseId} waits for a carton`,
      details: { orderId, warehouseId },
    });
  }
  const type = await cartonType(trx, input.cartonTypeId);
  const weightG = cartonWeight(here, type);
  const sscc = await nextSscc(trx);
  const [carton] = await runSql<{ id: number }>(trx, INSERT_CLOSED_CARTON, [
    orderId,
    warehouseId,
    input.cartonTypeId ?? null,
    sscc,
    weightG,
    actor.id,
    nowIso,
    nowIso,
  ]);
  if (!carton) throw new Error(`carton of order ${orderId} not written`);
  const contents = here.map((l) => ({
    orderLineId: l.orderLineId,
    skuId: l.skuId,
    lotId: l.lotId,
    quantity: l.open,
  }));
  const rows = contents.map((c) => ({
    line: c.orderLineId,
    sku: c.skuId,
    lot: c.lotId,
    q: c.quantity,
  }));
  await runSql(trx, INSERT_CONTENTS, [carton.id, JSON.stringify(rows)]);
  const events: OrderEvent[] = [
    { type: 'carton_opened', data: { cartonId: carton.id, sscc } },
    { type: 'carton_closed', data: { cartonId: carton.id, sscc, weightG } },
  ];
  let status = order.status as OrderStatus;
  // Everything picked (in every warehouse) is now in cartons: the order is packed.
  const rest = staged.filter((l) => l.warehouseId !== warehouseId && l.open > 0);
  if (status === 'picked' && rest.length === 0 && !staged.some((l) => l.cartonOpen)) {
    status = must(moveOrder(status, 'packed'));
    events.push({ type: 'packed', data: {} });
  }
  return {
    cartonId: carton.id,
    sscc,
    weightG,
    orderStatus: status,
    warehouseId,
    carton: {
      id: carton.id,
      warehouseId,
      sscc,
      weightG,
      carrierView: {
        sscc,
        weightG,
        lengthMm: type?.length_mm ?? null,
        widthMm: type?.width_mm ?? null,
        heightMm: type?.height_mm ?? null,
      },
      contents,
    },
    moreClosedCartons: here.some((l) => l.closedCartonHere),
    events,
  };
}

/**
 * For many orders in one read: per order, the warehouses where something picked waits for a
 * carton, with the weight in grams of what waits there (the goods, without a box).
 */
export async function goodsToPackEach(
  trx: Tx,
  orderIds: readonly number[],
): Promise<Map<number, Map<number, number>>> {
  const byOrder = new Map<number, Map<number, number>>();
  if (orderIds.length === 0) return byOrder;
  for (const l of await stagedLots(trx, orderIds)) {
    if (l.open <= 0) continue;
    const weights = byOrder.get(l.orderId) ?? new Map<number, number>();
    weights.set(l.warehouseId, (weights.get(l.warehouseId) ?? 0) + l.weightG * l.open);
    byOrder.set(l.orderId, weights);
  }
  return byOrder;
}

/**
 * Picked minus packed per warehouse, line and lot, with each SKU's weight and whether a carton
 * of the order is open, in one statement.
 */
async function stagedLots(trx: Tx, orderIds: readonly number[]): Promise<StagedLot[]> {
  const rows = await runSql<StagedRow>(trx, STAGED_LOTS, [JSON.stringify(orderIds)]);
  return rows.map((r) => ({
    orderId: r.order_id,
    warehouseId: r.warehouse_id,
    orderLineId: r.order_line_id,
    skuId: r.sku_id,
    lotId: r.lot_id,
    open: Number(r.picked) - Number(r.packed),
    weightG: r.weight_g ?? 0,
    cartonOpen: Number(r.open_cartons) > 0,
    closedCartonHere: Number(r.closed_here) > 0,
  }));
}

interface StagedRow {
  order_id: number;
  warehouse_id: number;
  order_line_id: number;
  sku_id: number;
  lot_id: number;
  weight_g: number | null;
  picked: number;
  packed: number;
  open_cartons: number;
  closed_here: number;
}

/** Per order, warehouse, line and lot: picked, packed, the SKU's weight and the cartons' state. */
const stagedLotsText = (orderIds: string) => `
  select a.order_id, a.warehouse_id, a.order_line_id, a.sku_id, a.lot_id, s.weight_g,
    cast(sum(r.quantity) as bigint) as picked,
    (select coalesce(sum(c.quantity), 0) from carton_contents c
      join cartons k on k.id = c.carton_id
      where k.order_id = a.order_id and k.warehouse_id = a.warehouse_id
        and c.order_line_id = a.order_line_id and c.lot_id = a.lot_id) as packed,
    (select count(*) from cartons o
      where o.order_id = a.order_id and o.status = 'open') as open_cartons,
    (select count(*) from cartons o where o.order_id = a.order_id
      and o.warehouse_id = a.warehouse_id and o.status = 'closed') as closed_here
  from allocations a
  join allocation_resolutions r on r.allocation_id = a.id
  join skus s on s.id = a.sku_id
  where a.order_id in (${orderIds}) and r.kind = 'picked'
  group by a.order_id, a.warehouse_id, a.order_line_id, a.sku_id, a.lot_id, s.weight_g
  order by a.order_id, a.order_line_id, a.lot_id`;

const STAGED_LOTS = fixedSql(
  'pack.staged-lots',
  stagedLotsText('select value from json_each(?)'),
  stagedLotsText('select jsonb_array_elements_text($1::jsonb)::bigint'),
);

/** The box chosen, or undefined for none; `CARTON_TYPE.NOT_FOUND` for an unknown one. */
async function cartonType(trx: Tx, cartonTypeId: number | undefined) {
  if (cartonTypeId === undefined) return undefined;
  const type = await trx
    .selectFrom('carton_types')
    .select(['tare_weight_g', 'max_weight_g', 'length_mm', 'width_mm', 'height_mm'])
    .where('id', '=', cartonTypeId)
    .executeTakeFirst();
  if (!type) {
    throw new FailureError({
      code: 'CARTON_TYPE.NOT_FOUND',
      message: `No carton type ${cartonTypeId}`,
    });
  }
  return type;
}

/** The box's tare plus the goods, checked against the box's limit. */
function cartonWeight(
  lots: readonly StagedLot[],
  type: { tare_weight_g: number; max_weight_g: number | null } | undefined,
): number {
  const goodsG = lots.reduce((g, l) => g + l.weightG * l.open, 0);
  return must(
    checkCartonWeight(type?.tare_weight_g ?? 0, goodsG, {
      maxWeightG: type?.max_weight_g ?? null,
    }),
  );
}

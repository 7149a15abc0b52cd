import type { Tx } from '../../../adapters/db/database.js';
import { casesAndEaches } from '../../../core/fulfillment/pick-check.js';
import { fail, ok, type Result } from '../../../core/shared/result.js';

/** One stop on a pick list: where to go, what to take, how much, and (batch) how to sort it. */
export interface PickListTask {
  taskId: number;
  sequence: number;
  status: string;
  zone: string | null;
  location: { id: number; code: string; barcode: string | null };
  sku: { id: number; code: string; name: string; gtin: string | null };
  lot: { code: string; expiryDate: string | null } | null;
  quantity: number;
  pickedQuantity: number;
  shortQuantity: number;
  remaining: number;
  /** Units per case, or null when the SKU has no case pack. */
  caseQuantity: number | null;
  cases: number;
  eaches: number;
  tote: string | null;
  /** Put-to-order: how many of this task each order gets (one entry for a discrete task). */
  orders: {
    orderId: number;
    customerPo: string | null;
    quantity: number;
    pickedQuantity: number;
  }[];
}

export interface PickList {
  wave: {
    id: number;
    warehouseId: number;
    warehouseName: string;
    status: string;
    pickMode: string;
    carrierCode: string | null;
    cutoff: string | null;
    createdAt: string;
    releasedAt: string | null;
    completedAt: string | null;
    orderIds: number[];
  };
  tasks: PickListTask[];
}

/** A wave's pick list in walking order (what the handheld shows and the PDF prints). */
export async function getPickList(db: Tx, waveId: number): Promise<Result<PickList>> {
  const wave = await db
    .selectFrom('waves')
    .innerJoin('warehouses as wh', 'wh.id', 'waves.warehouse_id')
    .selectAll('waves')
    .select('wh.name as warehouse_name')
    .where('waves.id', '=', waveId)
    .executeTakeFirst();
  if (!wave) return fail('WAVE.NOT_FOUND', `No wave ${waveId}`, { waveId });
  const orders = await db
    .selectFrom('wave_orders')
    .select('order_id')
    .where('wave_id', '=', waveId)
    .orderBy('order_id')
    .execute();
  const rows = await db
    .selectFrom('pick_tasks as t')
    .innerJoin('locations as l', 'l.id', 't.location_id')
    .innerJoin('skus as s', 's.id', 't.sku_id')
    .leftJoin('lots', 'lots.id', 't.lot_id')
    .leftJoin('sku_packs as cp', (j) =>
      j.onRef('cp.sku_id', '=', 't.sku_id').on('cp.level', '=', 'case'),
    )
    .selectAll('t')
    .select([
      'l.code as location_code',
      'l.barcode as location_barcode',
      's.code as sku_code',
      's.name as sku_name',
      's.gtin as sku_gtin',
      'lots.code as lot_code',
      'lots.expiry_date as lot_expiry',
      'cp.quantity as case_quantity',
    ])
    .where('t.wave_id', '=', waveId)
    .orderBy('t.sequence')
    .execute();
  const parts = await db
    .selectFrom('pick_task_allocations as p')
    .innerJoin('pick_tasks as t', 't.id', 'p.pick_task_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select([
      'p.pick_task_id',
      'p.order_id',
      'p.quantity',
      'p.picked_quantity',
      'o.customer_po',
      'o.priority',
    ])
    .where('t.wave_id', '=', waveId)
    .execute();
  const byTask = new Map<number, typeof parts>();
  for (const p of parts) byTask.set(p.pick_task_id, [...(byTask.get(p.pick_task_id) ?? []), p]);
  const tasks = rows.map((t): PickListTask => {
    const caseQuantity = t.case_quantity ?? null;
    return {
      taskId: t.id,
      sequence: t.sequence,
      status: t.status,
      zone: t.zone,
      location: { id: t.location_id, code: t.location_code, barcode: t.location_barcode },
      sku: { id: t.sku_id, code: t.sku_code, name: t.sku_name, gtin: t.sku_gtin },
      lot:
        t.lot_id === 0 || !t.lot_code
          ? null
          : { code: t.lot_code, expiryDate: t.lot_expiry ?? null },
      quantity: t.quantity,
      pickedQuantity: t.picked_quantity,
      shortQuantity: t.short_quantity,
      remaining: t.status === 'open' ? t.quantity - t.picked_quantity - t.short_quantity : 0,
      caseQuantity,
      ...casesAndEaches(t.quantity, caseQuantity),
      tote: t.tote,
      orders: (byTask.get(t.id) ?? [])
        .sort((a, b) => a.priority - b.priority || a.order_id - b.order_id)
        .map((p) => ({
          orderId: p.order_id,
          customerPo: p.customer_po,
          quantity: p.quantity,
          pickedQuantity: p.picked_quantity,
        })),
    };
  });
  return ok({
    wave: {
      id: wave.id,
      warehouseId: wave.warehouse_id,
      warehouseName: wave.warehouse_name,
      status: wave.status,
      pickMode: wave.pick_mode,
      carrierCode: wave.carrier_code,
      cutoff: wave.cutoff_at,
      createdAt: wave.created_at,
      releasedAt: wave.released_at,
      completedAt: wave.completed_at,
      orderIds: orders.map((o) => o.order_id),
    },
    tasks,
  });
}

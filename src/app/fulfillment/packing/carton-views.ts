import type { Selectable } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import type { CartonTable } from '../../../adapters/db/schema.js';
import { FailureError } from '../../../core/shared/result.js';

export interface CartonContentView {
  orderLineId: number;
  skuId: number;
  skuCode: string;
  lotId: number;
  lotCode: string | null;
  quantity: number;
}

export function cartonView(row: Selectable<CartonTable>, contents: CartonContentView[]) {
  return {
    id: row.id,
    orderId: row.order_id,
    sscc: row.sscc,
    status: row.status,
    cartonTypeId: row.carton_type_id,
    weightG: row.weight_g,
    shipmentId: row.shipment_id,
    trackingNumber: row.tracking_number,
    trackingCarrier: row.tracking_carrier,
    createdBy: row.created_by,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    contents,
  };
}
export type CartonView = ReturnType<typeof cartonView>;

/** Contents of some cartons, by carton id, with SKU and lot codes for screens and labels. */
export async function contentsOf(
  db: Tx,
  cartonIds: readonly number[],
): Promise<Map<number, CartonContentView[]>> {
  const byCarton = new Map<number, CartonContentView[]>(cartonIds.map((id) => [id, []]));
  if (cartonIds.length === 0) return byCarton;
  const rows = await db
    .selectFrom('carton_contents as c')
    .innerJoin('skus', 'skus.id', 'c.sku_id')
    .leftJoin('lots', 'lots.id', 'c.lot_id')
    .select([
      'c.carton_id',
      'c.order_line_id',
      'c.sku_id',
      'skus.code',
      'c.lot_id',
      'lots.code as lot_code',
      'c.quantity',
    ])
    .where('c.carton_id', 'in', cartonIds)
    .orderBy('c.id')
    .execute();
  for (const r of rows) {
    byCarton.get(r.carton_id)!.push({
      orderLineId: r.order_line_id,
      skuId: r.sku_id,
      skuCode: r.code,
      lotId: r.lot_id,
      lotCode: r.lot_code,
      quantity: Number(r.quantity),
    });
  }
  return byCarton;
}

/** One carton with its contents; `PACK.CARTON_NOT_FOUND` when there is none. */
export async function getCarton(db: Tx, cartonId: number): Promise<CartonView> {
  const row = await db
    .selectFrom('cartons')
    .selectAll()
    .where('id', '=', cartonId)
    .executeTakeFirst();
  if (!row)
    throw new FailureError({ code: 'PACK.CARTON_NOT_FOUND', message: `No carton ${cartonId}` });
  const contents = await contentsOf(db, [row.id]);
  return cartonView(row, contents.get(row.id)!);
}

/** Every carton of an order, oldest first. */
export async function listCartons(db: Tx, orderId: number): Promise<CartonView[]> {
  const rows = await db
    .selectFrom('cartons')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  const contents = await contentsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => cartonView(r, contents.get(r.id)!));
}

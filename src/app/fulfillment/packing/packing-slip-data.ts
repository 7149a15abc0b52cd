import type { Tx } from '../../../adapters/db/database.js';
import type { PackingSlipCarton, PackingSlipData } from '../../../adapters/labels/label.types.js';
import { businessDay } from '../../../core/shared/business-day.js';
import { warehouseTimeZone } from '../../warehouses/warehouse-time-zones.js';
import { contentsOf } from './carton-views.js';
import { documentHeader, labelCarrier, type CarrierNames } from './label-data.js';

/**
 * Which cartons the slip lists: those of `shipmentId`; without one, the cartons still at the
 * bench (open or closed), or — when all have left — those of the latest shipment.
 */
async function slipCartons(db: Tx, orderId: number, shipmentId: number | undefined) {
  const cartons = await db
    .selectFrom('cartons')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  const waiting = cartons.filter((c) => c.shipment_id === null);
  const chosen =
    shipmentId ??
    (waiting.length > 0 ? undefined : Math.max(0, ...cartons.map((c) => c.shipment_id ?? 0)));
  const listed = chosen === undefined ? waiting : cartons.filter((c) => c.shipment_id === chosen);
  const shipment = chosen
    ? await db
        .selectFrom('shipments')
        .selectAll()
        .where('id', '=', chosen)
        .where('order_id', '=', orderId)
        .executeTakeFirst()
    : undefined;
  return { listed, shipment };
}

/** Eaches per case of each SKU, so the slip can print "3 cs + 2 ea". */
async function caseSizes(db: Tx, skuIds: readonly number[]): Promise<Map<number, number>> {
  if (skuIds.length === 0) return new Map();
  const packs = await db
    .selectFrom('sku_packs')
    .select(['sku_id', 'quantity'])
    .where('sku_id', 'in', skuIds)
    .where('level', '=', 'case')
    .execute();
  return new Map(packs.map((p) => [p.sku_id, p.quantity]));
}

/** The packing slip of an order, for the cartons of one shipment (see `slipCartons`). */
export async function packingSlipData(
  db: Tx,
  orderId: number,
  names: CarrierNames,
  now: Date,
  shipmentId?: number,
): Promise<PackingSlipData> {
  const { order: _order, ...header } = await documentHeader(db, orderId);
  const { listed, shipment } = await slipCartons(db, orderId, shipmentId);
  const contents = await contentsOf(
    db,
    listed.map((c) => c.id),
  );
  const all = [...contents.values()].flat();
  const skuIds = [...new Set(all.map((c) => c.skuId))];
  const skus = skuIds.length
    ? await db.selectFrom('skus').select(['id', 'name']).where('id', 'in', skuIds).execute()
    : [];
  const cases = await caseSizes(db, skuIds);
  const cartons: PackingSlipCarton[] = listed.map((c) => ({
    sscc: c.sscc,
    weightGrams: c.weight_g,
    contents: contents.get(c.id)!.map((x) => ({
      skuCode: x.skuCode,
      skuName: skus.find((s) => s.id === x.skuId)?.name ?? x.skuCode,
      ...(x.lotCode ? { lot: x.lotCode } : {}),
      quantity: x.quantity,
      caseSize: cases.get(x.skuId) ?? 1,
    })),
  }));
  return {
    ...header,
    // The business day at the packing warehouse: when it shipped, else today.
    shipDate: businessDay(
      shipment ? shipment.shipped_at : now,
      await warehouseTimeZone(db, shipment?.warehouse_id ?? listed[0]?.warehouse_id ?? null),
    ),
    ...(shipment
      ? {
          carrier: labelCarrier(
            shipment,
            names,
            listed.find((c) => c.tracking_number)?.tracking_number,
          ),
        }
      : {}),
    cartons,
  };
}

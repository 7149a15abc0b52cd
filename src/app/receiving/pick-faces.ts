import type { Tx } from '../../adapters/db/database.js';
import { fail, must } from '../../core/shared/result.js';
import { skuFacts } from '../inventory/stock-facts.js';

export interface PickFaceInput {
  skuId: number;
  minQuantity: number;
  maxQuantity: number;
}

export interface PickFaceView extends PickFaceInput {
  locationId: number;
}

async function faceLocation(trx: Tx, locationId: number) {
  const location = await trx
    .selectFrom('locations')
    .select(['id', 'code', 'type'])
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!location)
    must(fail('RECEIVING.LOCATION_NOT_FOUND', `No location ${locationId}`, { locationId }));
  if (location!.type !== 'pick_face') {
    must(
      fail('RECEIVING.NOT_A_PICK_FACE', `${location!.code} is ${location!.type}, not a pick face`, {
        locationId,
      }),
    );
  }
  return location!;
}

/**
 * Assigns a pick-face bin to a SKU with its refill range (min < max, base units), or
 * changes it. Reassigning to another SKU is refused while the bin holds other stock.
 */
export async function putPickFace(trx: Tx, locationId: number, input: PickFaceInput) {
  const location = await faceLocation(trx, locationId);
  await skuFacts(trx, input.skuId);
  if (!(input.minQuantity >= 0 && input.minQuantity < input.maxQuantity)) {
    must(fail('RECEIVING.BAD_PICK_FACE_RANGE', 'A pick face needs 0 ≤ min < max'));
  }
  const foreign = await trx
    .selectFrom('stock_balances')
    .select('sku_id')
    .where('location_id', '=', locationId)
    .where('sku_id', '<>', input.skuId)
    .where('on_hand', '>', 0)
    .executeTakeFirst();
  if (foreign) {
    must(
      fail('RECEIVING.PICK_FACE_CONFLICT', `${location.code} still holds SKU ${foreign.sku_id}`, {
        locationId,
        heldSkuId: foreign.sku_id,
      }),
    );
  }
  const row = {
    sku_id: input.skuId,
    min_quantity: input.minQuantity,
    max_quantity: input.maxQuantity,
  };
  await trx
    .insertInto('pick_faces')
    .values({ location_id: locationId, ...row })
    .onConflict((oc) => oc.column('location_id').doUpdateSet(row))
    .execute();
  return { locationId, ...input } satisfies PickFaceView;
}

/** Ends a pick-face assignment; the bin stays, its stock stays, it is no longer refilled. */
export async function deletePickFace(trx: Tx, locationId: number) {
  const deleted = await trx
    .deleteFrom('pick_faces')
    .where('location_id', '=', locationId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) {
    must(fail('RECEIVING.PICK_FACE_NOT_FOUND', `Location ${locationId} is no pick face`));
  }
  return { locationId, deleted: true };
}

/** The pick-face assignments of a warehouse along the pick path. */
export async function listPickFaces(db: Tx, warehouseId: number): Promise<PickFaceView[]> {
  const rows = await db
    .selectFrom('pick_faces')
    .innerJoin('locations', 'locations.id', 'pick_faces.location_id')
    .select(['pick_faces.location_id', 'sku_id', 'min_quantity', 'max_quantity'])
    .where('locations.warehouse_id', '=', warehouseId)
    .orderBy('locations.pick_sequence')
    .orderBy('pick_faces.location_id')
    .execute();
  return rows.map((r) => ({
    locationId: r.location_id,
    skuId: r.sku_id,
    minQuantity: Number(r.min_quantity),
    maxQuantity: Number(r.max_quantity),
  }));
}

import { sql, type SqlBool } from 'kysely';
import { isPostgres, type Tx } from '../../adapters/db/database.js';
import { isSellable } from '../../core/inventory/location-types.js';
import { MAX_LOTS_OF_SKU_PER_BIN } from '../../core/receiving/putaway-policy.js';
import { fail, must } from '../../core/shared/result.js';

/** The task a scanned bin is checked for. */
export interface TaskForBin {
  id: number;
  warehouseId: number;
  skuId: number;
  lotId: number;
  kind: string;
  quantity: number;
  fromLocationId: number;
}

async function locationScanned(trx: Tx, warehouseId: number, scan: string) {
  const text = scan.trim();
  const rows = await trx
    .selectFrom('locations')
    .leftJoin('pick_faces', 'pick_faces.location_id', 'locations.id')
    .select([
      'locations.id',
      'locations.code',
      'locations.barcode',
      'locations.type',
      'locations.active',
      'locations.capacity_units',
      'pick_faces.sku_id as face_sku_id',
    ])
    .where('locations.warehouse_id', '=', warehouseId)
    .where((eb) => eb.or([eb('locations.barcode', '=', text), eb('locations.code', '=', text)]))
    .execute();
  // A printed barcode wins over a code typed by hand, should the two ever collide.
  const found = rows.find((r) => r.barcode === text) ?? rows[0];
  if (!found) {
    must(
      fail('RECEIVING.UNKNOWN_LOCATION', `No location of this warehouse has barcode ${text}`, {
        scan: text,
      }),
    );
  }
  return found!;
}

/** Units in a bin now plus those other open tasks are bringing there. */
async function occupiedUnits(trx: Tx, locationId: number, exceptTaskId: number) {
  const onHand = await trx
    .selectFrom('stock_balances')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('on_hand'), eb.lit(0)).as('n'))
    .where('location_id', '=', locationId)
    .where(sql<SqlBool>`on_hand > 0`)
    .executeTakeFirstOrThrow();
  const incoming = await trx
    .selectFrom('move_tasks')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
    .where('suggested_location_id', '=', locationId)
    .where('status', '=', 'open')
    .where('id', '<>', exceptTaskId)
    .executeTakeFirstOrThrow();
  return Number(onHand.n) + Number(incoming.n);
}

/** Lots of the SKU with stock in the bin, and whether the task's lot is one of them. */
async function lotsOfSku(trx: Tx, locationId: number, task: TaskForBin) {
  const rows = await trx
    .selectFrom('stock_balances')
    .select('lot_id')
    .where('location_id', '=', locationId)
    .where('sku_id', '=', task.skuId)
    .where(sql<SqlBool>`on_hand > 0`)
    .execute();
  return { lots: rows.length, holdsLot: rows.some((r) => r.lot_id === task.lotId) };
}

/**
 * The bin a worker scanned to finish a task, checked: a location of the task's warehouse
 * that is an active storage bin or pick face (not the one the goods come from), not a pick
 * face of another SKU, with room for the task's quantity by its capacity, and — for a
 * put-away — not a bin already holding MAX_LOTS_OF_SKU_PER_BIN other lots of the SKU.
 */
export async function binForTask(trx: Tx, task: TaskForBin, scan: string) {
  const bin = await locationScanned(trx, task.warehouseId, scan);
  const refuse = (code: string, message: string) =>
    must(fail(code, message, { locationId: bin.id, locationCode: bin.code }));
  if (!isSellable(bin.type) || bin.active !== 1 || bin.id === task.fromLocationId)
    refuse('RECEIVING.NOT_A_BIN', `${bin.code} is not an active storage bin or pick face`);
  if (bin.face_sku_id !== null && bin.face_sku_id !== task.skuId)
    refuse('RECEIVING.PICK_FACE_OF_OTHER_SKU', `${bin.code} is the pick face of another SKU`);
  if (bin.capacity_units !== null) {
    // Two workers filling one bin at once on PostgreSQL: the second waits here, then counts.
    if (isPostgres(trx))
      await trx.selectFrom('locations').select('id').where('id', '=', bin.id).forUpdate().execute();
    const room = Number(bin.capacity_units) - (await occupiedUnits(trx, bin.id, task.id));
    if (room < task.quantity)
      refuse(
        'RECEIVING.BIN_FULL',
        `${bin.code} has room for ${Math.max(0, room)}, not ${task.quantity}`,
      );
  }
  if (task.kind === 'putaway') {
    const held = await lotsOfSku(trx, bin.id, task);
    if (!held.holdsLot && held.lots >= MAX_LOTS_OF_SKU_PER_BIN)
      refuse(
        'RECEIVING.BIN_LOT_LIMIT',
        `${bin.code} already holds ${held.lots} lots of this SKU: put the new lot elsewhere`,
      );
  }
  return { id: bin.id, code: bin.code, type: bin.type };
}

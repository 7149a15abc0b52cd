import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import type { MovementType } from '../../core/inventory/movement.js';
import { FailureError } from '../../core/shared/result.js';

/** A location as posting needs it (see placeFacts / standardPlace). */
export interface LedgerPlace {
  id: number;
  warehouseId: number;
  /** External mirrors (supplier, customer, adjustment) keep no balance row: see postMovement. */
  mayGoNegative: boolean;
}

/** One row of the ledger: a quantity of a SKU (and lot) going from one location to another. */
export interface MovementInput {
  skuId: number;
  /** 0 for SKUs that are not lot-tracked. */
  lotId: number;
  from: LedgerPlace;
  to: LedgerPlace;
  quantity: number;
  type: MovementType;
  reasonCode?: string | null;
  reference?: string | null;
  actor: string;
  /** Part of the quantity that was reserved at the source and is consumed by this movement (picking). */
  fromAllocated?: number;
}

/**
 * Posts a movement: appends it and updates the balances in the same transaction. The source
 * balance of a real location is decremented only if enough unreserved stock is there — a
 * conditional update, atomic on both dialects — so stock can never be oversold or go negative.
 * Balances are touched in location-id order so concurrent movements cannot deadlock.
 *
 * External mirrors (supplier, customer, adjustment) keep no balance row: every receipt,
 * shipment or adjustment of a warehouse would otherwise update one row and serialize on it.
 * Their position is derived from the movements when needed (reconcile does).
 */
export async function postMovement(
  trx: Tx,
  movement: MovementInput,
  nowIso: string,
): Promise<number> {
  const legs = [
    { place: movement.from, delta: -movement.quantity },
    { place: movement.to, delta: movement.quantity },
  ]
    .filter((leg) => !leg.place.mayGoNegative)
    .sort((a, b) => a.place.id - b.place.id);
  for (const leg of legs) {
    if (leg.delta < 0) await takeFrom(trx, movement, leg.place.id, nowIso);
    else await addTo(trx, movement, leg.place, leg.delta, nowIso);
  }
  const [row] = await runSql<{ id: number }>(trx, INSERT_MOVEMENT, [
    movement.skuId,
    movement.lotId,
    movement.from.id,
    movement.to.id,
    movement.quantity,
    movement.type,
    movement.reasonCode ?? null,
    movement.reference ?? null,
    movement.actor,
    nowIso,
  ]);
  return row!.id;
}

const INSERT_MOVEMENT = fixedSql(
  'ledger.movement',
  `insert into stock_movements (sku_id, lot_id, from_location_id, to_location_id, quantity, type,
     reason_code, reference, actor, created_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
);

/** Takes from a balance only if that much is there unreserved (and `reserved` is reserved). */
const TAKE_FROM = fixedSql(
  'ledger.take',
  `update stock_balances set on_hand = on_hand - ?, allocated = allocated - ?, updated_at = ?
   where location_id = ? and sku_id = ? and lot_id = ? and allocated >= ?
     and on_hand - allocated >= ?
   returning 1 as taken`,
);

const ADD_TO = fixedSql(
  'ledger.add',
  `insert into stock_balances (location_id, sku_id, lot_id, warehouse_id, on_hand, allocated,
     updated_at)
   values (?, ?, ?, ?, ?, 0, ?)
   on conflict (location_id, sku_id, lot_id)
   do update set on_hand = stock_balances.on_hand + excluded.on_hand, updated_at = excluded.updated_at`,
);

async function takeFrom(trx: Tx, movement: MovementInput, locationId: number, nowIso: string) {
  const reserved = movement.fromAllocated ?? 0;
  const free = movement.quantity - reserved;
  const taken = await runSql(trx, TAKE_FROM, [
    movement.quantity,
    reserved,
    nowIso,
    locationId,
    movement.skuId,
    movement.lotId,
    reserved,
    free,
  ]);
  if (taken.length === 0) {
    const balance = await balanceAt(trx, locationId, movement.skuId, movement.lotId);
    throw new FailureError({
      code: 'INVENTORY.INSUFFICIENT_AVAILABLE',
      message: `Only ${balance.available} unreserved at this location; ${free} needed`,
      details: {
        locationId,
        skuId: movement.skuId,
        lotId: movement.lotId,
        requested: movement.quantity,
        ...balance,
      },
    });
  }
}

async function addTo(
  trx: Tx,
  movement: MovementInput,
  place: LedgerPlace,
  delta: number,
  nowIso: string,
) {
  await runSql(trx, ADD_TO, [
    place.id,
    movement.skuId,
    movement.lotId,
    place.warehouseId,
    delta,
    nowIso,
  ]);
}

/** On hand, reserved and unreserved quantity of one SKU/lot at one location. */
export async function balanceAt(trx: Tx, locationId: number, skuId: number, lotId: number) {
  const row = await trx
    .selectFrom('stock_balances')
    .select(['on_hand', 'allocated'])
    .where('location_id', '=', locationId)
    .where('sku_id', '=', skuId)
    .where('lot_id', '=', lotId)
    .executeTakeFirst();
  const onHand = row?.on_hand ?? 0;
  const allocated = row?.allocated ?? 0;
  return { onHand, allocated, available: onHand - allocated };
}

export interface Reservation {
  locationId: number;
  skuId: number;
  lotId: number;
  quantity: number;
}

/**
 * Holds stock at a bin and lot for an order: succeeds only if that much is unreserved there,
 * in one conditional update. Returns false (nothing changed) when it is not.
 */
export async function reserve(trx: Tx, r: Reservation, nowIso: string): Promise<boolean> {
  const result = await trx
    .updateTable('stock_balances')
    .set({ allocated: sql`allocated + ${r.quantity}`, updated_at: nowIso })
    .where('location_id', '=', r.locationId)
    .where('sku_id', '=', r.skuId)
    .where('lot_id', '=', r.lotId)
    .where(sql<boolean>`on_hand - allocated >= ${r.quantity}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives back a reservation (released, expired or cancelled). */
export async function unreserve(trx: Tx, r: Reservation, nowIso: string): Promise<void> {
  const result = await trx
    .updateTable('stock_balances')
    .set({ allocated: sql`allocated - ${r.quantity}`, updated_at: nowIso })
    .where('location_id', '=', r.locationId)
    .where('sku_id', '=', r.skuId)
    .where('lot_id', '=', r.lotId)
    .where('allocated', '>=', r.quantity)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new Error(`unreserve of ${r.quantity} at location ${r.locationId} found less reserved`);
  }
}

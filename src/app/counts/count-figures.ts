import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';

/** One SKU × lot at a location: on hand now, reserved now, and net units in since a movement id. */
export interface BinFigure {
  skuId: number;
  lotId: number;
  onHand: number;
  allocated: number;
  /** Units moved into the location minus units moved out, after the count started. */
  netInSinceStart: number;
}

export const figureKey = (skuId: number, lotId: number) => `${skuId}/${lotId}`;

/**
 * What the ledger says about a location, per SKU and lot: the balance now and the net flow of
 * every movement after `afterMovementId`. Together they give the balance at that moment.
 */
export async function binFigures(
  trx: Tx,
  locationId: number,
  afterMovementId: number,
): Promise<Map<string, BinFigure>> {
  const figures = new Map<string, BinFigure>();
  const balances = await trx
    .selectFrom('stock_balances')
    .select(['sku_id', 'lot_id', 'on_hand', 'allocated'])
    .where('location_id', '=', locationId)
    .execute();
  for (const b of balances) {
    figures.set(figureKey(b.sku_id, b.lot_id), {
      skuId: b.sku_id,
      lotId: b.lot_id,
      onHand: Number(b.on_hand),
      allocated: Number(b.allocated),
      netInSinceStart: 0,
    });
  }
  const flows = await trx
    .selectFrom('stock_movements')
    .select([
      'sku_id',
      'lot_id',
      sql<string>`sum(case when to_location_id = ${locationId} then quantity else -quantity end)`.as(
        'net',
      ),
    ])
    .where('id', '>', afterMovementId)
    .where((eb) =>
      eb.or([eb('to_location_id', '=', locationId), eb('from_location_id', '=', locationId)]),
    )
    .groupBy(['sku_id', 'lot_id'])
    .execute();
  for (const f of flows) {
    const key = figureKey(f.sku_id, f.lot_id);
    const figure = figures.get(key) ?? {
      skuId: f.sku_id,
      lotId: f.lot_id,
      onHand: 0,
      allocated: 0,
      netInSinceStart: 0,
    };
    figure.netInSinceStart = Number(f.net);
    figures.set(key, figure);
  }
  return figures;
}

/** The ledger's highest movement id: everything after it happened after this moment. */
export async function lastMovementId(trx: Tx): Promise<number> {
  const row = await trx
    .selectFrom('stock_movements')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

import { sql, type Kysely } from 'kysely';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import type { Tables } from '../../adapters/db/schema.js';

/** How stock figures are grouped: per SKU, per SKU × warehouse, per bin and lot, or per lot. */
export type StockGrouping = 'sku' | 'warehouse' | 'location' | 'lot';

export interface StockFilter {
  skuId?: number | undefined;
  warehouseId?: number | undefined;
  locationId?: number | undefined;
  lotId?: number | undefined;
  category?: string | undefined;
  groupBy: StockGrouping;
  /** The day expiry is judged on (`expiryDay`): lots expired by then are not available. */
  today: string;
  limit: number;
  /** Keyset: the grouping columns' values of the last row of the previous page. */
  after?: readonly number[] | undefined;
}

/**
 * One line of a stock report. On hand counts goods physically in the warehouse; available is
 * what can still be promised (unreserved, in storage or a pick face, in a lot not expired);
 * expired is on hand in those bins but past its lot's expiry (until the expiry job moves it to
 * quarantine); quarantined and damaged are on hand but not sellable; in transit is on its way
 * from another warehouse.
 */
export interface StockRow {
  skuId: number;
  skuCode: string;
  warehouseId: number | null;
  locationId: number | null;
  locationCode: string | null;
  lotId: number | null;
  lotCode: string | null;
  expiryDate: string | null;
  onHand: number;
  allocated: number;
  available: number;
  expired: number;
  quarantined: number;
  damaged: number;
  inTransit: number;
}

const GROUP_COLUMNS = {
  sku: ['b.sku_id'],
  warehouse: ['b.sku_id', 'b.warehouse_id'],
  location: ['b.sku_id', 'b.warehouse_id', 'b.location_id', 'b.lot_id'],
  lot: ['b.sku_id', 'b.lot_id'],
} as const;

/** A grouped column, or a null placeholder when the grouping does not include it. */
const orNull = <T>(included: boolean, expression: ReturnType<typeof sql>) =>
  included ? sql<T | null>`${expression}` : sql<T | null>`null`;

const total = (expression: ReturnType<typeof sql>) =>
  sql<number>`cast(sum(${expression}) as bigint)`;

/** The grouping columns of a row, in sort order: the keyset cursor of the next page. */
export function stockRowKey(row: StockRow, groupBy: StockGrouping): number[] {
  const value = {
    'b.sku_id': row.skuId,
    'b.warehouse_id': row.warehouseId,
    'b.location_id': row.locationId,
    'b.lot_id': row.lotId,
  };
  return GROUP_COLUMNS[groupBy].map((c) => value[c] ?? 0);
}

/** How many values a cursor of this grouping holds. */
export const stockKeyLength = (groupBy: StockGrouping) => GROUP_COLUMNS[groupBy].length;

/** Stock by SKU / warehouse / location / lot, from the balances (never by replaying movements). */
export async function queryStock(db: Kysely<Tables>, filter: StockFilter): Promise<StockRow[]> {
  const groups = GROUP_COLUMNS[filter.groupBy];
  const has = (column: string) => (groups as readonly string[]).includes(column);
  const sellable = sql`l.type in (${sql.join(SELLABLE_TYPES.map((t) => sql.lit(t)))})`;
  const expired = sql`coalesce(lot.expiry_date < ${filter.today}, false)`;
  let query = db
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .innerJoin('skus as s', 's.id', 'b.sku_id')
    .leftJoin('lots as lot', 'lot.id', 'b.lot_id')
    .where((eb) => eb.or([eb('l.virtual', '=', 0), eb('l.type', '=', 'in_transit')]))
    .where((eb) => eb.or([eb('b.on_hand', '<>', 0), eb('b.allocated', '<>', 0)]))
    .select([
      'b.sku_id as skuId',
      sql<string>`max(s.code)`.as('skuCode'),
      orNull<number>(has('b.warehouse_id'), sql`b.warehouse_id`).as('warehouseId'),
      orNull<number>(has('b.location_id'), sql`b.location_id`).as('locationId'),
      orNull<string>(has('b.location_id'), sql`max(l.code)`).as('locationCode'),
      orNull<number>(has('b.lot_id'), sql`b.lot_id`).as('lotId'),
      total(sql`case when l.virtual = 0 then b.on_hand else 0 end`).as('onHand'),
      total(sql`b.allocated`).as('allocated'),
      total(
        sql`case when ${sellable} and not ${expired} then b.on_hand - b.allocated else 0 end`,
      ).as('available'),
      total(sql`case when ${sellable} and ${expired} then b.on_hand else 0 end`).as('expired'),
      total(sql`case when l.type = 'quarantine' then b.on_hand else 0 end`).as('quarantined'),
      total(sql`case when l.type = 'damaged' then b.on_hand else 0 end`).as('damaged'),
      total(sql`case when l.type = 'in_transit' then b.on_hand else 0 end`).as('inTransit'),
    ])
    .groupBy([...groups])
    .limit(filter.limit);
  for (const column of groups) query = query.orderBy(column);
  if (filter.after) {
    // Grouping columns are plain columns, so filtering rows past the key filters whole groups.
    const key = sql.join(groups.map((c) => sql.ref(c)));
    query = query.where(sql<boolean>`(${key}) > (${sql.join([...filter.after])})`);
  }
  if (filter.skuId !== undefined) query = query.where('b.sku_id', '=', filter.skuId);
  if (filter.warehouseId !== undefined)
    query = query.where('b.warehouse_id', '=', filter.warehouseId);
  if (filter.locationId !== undefined) query = query.where('b.location_id', '=', filter.locationId);
  if (filter.lotId !== undefined) query = query.where('b.lot_id', '=', filter.lotId);
  if (filter.category !== undefined) query = query.where('s.category', '=', filter.category);
  const rows = await query.execute();
  return withLots(db, rows);
}

async function withLots(
  db: Kysely<Tables>,
  rows: Omit<StockRow, 'lotCode' | 'expiryDate'>[],
): Promise<StockRow[]> {
  const lotIds = [...new Set(rows.map((r) => r.lotId).filter((id): id is number => !!id))];
  const lots = lotIds.length
    ? await db
        .selectFrom('lots')
        .select(['id', 'code', 'expiry_date'])
        .where('id', 'in', lotIds)
        .execute()
    : [];
  const byId = new Map(lots.map((l) => [l.id, l]));
  return rows.map((r) => {
    const lot = r.lotId ? byId.get(r.lotId) : undefined;
    return { ...r, lotCode: lot?.code ?? null, expiryDate: lot?.expiry_date ?? null };
  });
}

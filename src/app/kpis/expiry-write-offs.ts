import type { Tx } from '../../adapters/db/database.js';
import { EXPIRED_REASON } from '../../core/inventory/expiry.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import { tableOf, type KpiTable } from '../../core/kpis/kpi-table.js';
import { FALLBACK_TIME_ZONE, warehouseTimeZones } from '../warehouses/warehouse-time-zones.js';
import { bucketOfTime, groupOf, inRange, widened, type KpiQuery } from './kpi-query.js';

/**
 * Expiry write-offs over [from, to): units that left a sellable bin (storage, pick face) by a
 * movement with reason `expired` — the expiry sweep's quarantine moves, or a manual status
 * change or adjustment giving that reason — and their value at standard cost, per group and
 * bucket plus a `total` per group. Later moves of the same goods (quarantine → scrap) are not
 * counted again. Read through the partial index `stock_movements_expired`.
 */
export async function expiryWriteOffs(db: Tx, q: KpiQuery): Promise<KpiTable> {
  const zones = await warehouseTimeZones(db);
  const zoneOf = (warehouseId: number) => zones.get(warehouseId) ?? FALLBACK_TIME_ZONE;
  // Read by UTC instants a day wider, then kept by the warehouse's business day.
  const wide = widened(q);
  let query = db
    .selectFrom('stock_movements as m')
    .innerJoin('locations as l', 'l.id', 'm.from_location_id')
    .innerJoin('skus as s', 's.id', 'm.sku_id')
    .where('m.reason_code', '=', EXPIRED_REASON)
    .where('m.created_at', '>=', wide.from)
    .where('m.created_at', '<', wide.to)
    .where('l.type', 'in', [...SELLABLE_TYPES])
    .select(['l.warehouse_id', 'm.created_at', 'm.quantity', 's.standard_cost_minor', 'm.sku_id']);
  if (q.warehouseId !== undefined) query = query.where('l.warehouse_id', '=', q.warehouseId);
  const totals = new Map<string, { units: number; valueMinor: number; skus: Set<number> }>();
  for (const m of await query.execute()) {
    const zone = zoneOf(Number(m.warehouse_id));
    if (!inRange(q, m.created_at, zone)) continue;
    const group = groupOf(q, { warehouseId: Number(m.warehouse_id), customerId: null });
    for (const period of [bucketOfTime(q, m.created_at, zone), 'total']) {
      const key = `${group}\u0000${period}`;
      const at = totals.get(key) ?? { units: 0, valueMinor: 0, skus: new Set<number>() };
      at.units += Number(m.quantity);
      at.valueMinor += Number(m.quantity) * Number(m.standard_cost_minor);
      at.skus.add(Number(m.sku_id));
      totals.set(key, at);
    }
  }
  const rows = [...totals.entries()]
    .map(([key, t]) => {
      const [group, period] = key.split('\u0000') as [string, string];
      return { group, period, skus: t.skus.size, units: t.units, valueMinor: t.valueMinor };
    })
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        Number(a.period === 'total') - Number(b.period === 'total') ||
        a.period.localeCompare(b.period),
    );
  return tableOf('expiry-write-offs', ['group', 'period', 'skus', 'units', 'valueMinor'], rows);
}

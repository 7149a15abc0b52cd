import type { Tx } from '../../adapters/db/database.js';
import { observedLeadTimes } from '../purchasing/observed-lead-time.js';

/** A supplier's terms for one SKU, as the run needs them to size and cost a suggestion. */
export interface SupplierChoice {
  supplierId: number;
  supplierCode: string;
  minOrderQuantity: number;
  orderMultiple: number;
  unitCostMinor: number;
  /** The SKU's stated lead time at this supplier, else the supplier's. */
  statedLeadTimeDays: number;
  supplierMinOrderValueMinor: number;
  supplierMinOrderQuantity: number;
}

/** Supplier listings of active suppliers, per SKU. */
export async function supplierListings(
  db: Tx,
  skuIds: number[],
): Promise<Map<number, SupplierChoice[]>> {
  const bySku = new Map<number, SupplierChoice[]>();
  if (skuIds.length === 0) return bySku;
  const rows = await db
    .selectFrom('supplier_skus as ss')
    .innerJoin('suppliers as s', 's.id', 'ss.supplier_id')
    .where('s.active', '=', 1)
    .where('ss.sku_id', 'in', skuIds)
    .select([
      'ss.sku_id',
      'ss.supplier_id',
      's.code',
      'ss.min_order_quantity',
      'ss.order_multiple',
      'ss.cost_minor',
      'ss.lead_time_days as sku_lead_time',
      's.lead_time_days',
      's.min_order_value_minor',
      's.min_order_quantity as supplier_moq',
    ])
    .orderBy('ss.supplier_id')
    .execute();
  for (const r of rows) {
    const list = bySku.get(Number(r.sku_id)) ?? [];
    list.push({
      supplierId: Number(r.supplier_id),
      supplierCode: r.code,
      minOrderQuantity: Number(r.min_order_quantity),
      orderMultiple: Number(r.order_multiple),
      unitCostMinor: Number(r.cost_minor),
      statedLeadTimeDays: Number(r.sku_lead_time ?? r.lead_time_days),
      supplierMinOrderValueMinor: Number(r.min_order_value_minor),
      supplierMinOrderQuantity: Number(r.supplier_moq),
    });
    bySku.set(Number(r.sku_id), list);
  }
  return bySku;
}

/**
 * Who to buy from: the preferred supplier when it lists the SKU, else the only supplier that
 * does. With several listings and no preference the run does not guess (no suggestion).
 */
export function chooseSupplier(
  listings: readonly SupplierChoice[] | undefined,
  preferredSupplierId: number | null,
): SupplierChoice | null {
  if (!listings?.length) return null;
  if (preferredSupplierId !== null)
    return listings.find((l) => l.supplierId === preferredSupplierId) ?? null;
  return listings.length === 1 ? listings[0]! : null;
}

/** σLT when only the stated lead time is known: a quarter of it. */
export const STATED_LEAD_TIME_SD_SHARE = 0.25;

export interface LeadTime {
  meanDays: number;
  sdDays: number;
  observed: boolean;
}

/**
 * Lead time mean and σ in days: what receipts showed for this SKU at this supplier when there
 * are at least 3 samples (observedLeadTime returns null otherwise), else the stated lead time
 * with σLT = 0.25 × LT — a supplier that promises 8 days is taken to deliver in 6–10 usually.
 */
export async function leadTimeFor(
  db: Tx,
  choice: SupplierChoice,
  skuId: number,
): Promise<LeadTime> {
  return (await leadTimesFor(db, [{ choice, skuId }])).get(`${choice.supplierId}/${skuId}`)!;
}

/** `leadTimeFor` of many SKUs in one read, keyed `supplierId/skuId`. */
export async function leadTimesFor(
  db: Tx,
  requests: readonly { choice: SupplierChoice; skuId: number }[],
): Promise<Map<string, LeadTime>> {
  const observed = await observedLeadTimes(
    db,
    requests.map((r) => ({ supplierId: r.choice.supplierId, skuId: r.skuId })),
  );
  const leadTimes = new Map<string, LeadTime>();
  for (const { choice, skuId } of requests) {
    const key = `${choice.supplierId}/${skuId}`;
    const seen = observed.get(key);
    const lt = choice.statedLeadTimeDays;
    leadTimes.set(
      key,
      seen && seen.samples >= 3
        ? { meanDays: seen.meanDays, sdDays: seen.sdDays, observed: true }
        : { meanDays: lt, sdDays: STATED_LEAD_TIME_SD_SHARE * lt, observed: false },
    );
  }
  return leadTimes;
}

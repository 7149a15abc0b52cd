/**
 * A products file, one SKU per row: the item master columns plus up to three pack levels.
 * The export writes the same columns, so an exported file imports back unchanged.
 */
import { validateSku, PACK_LEVELS, type PackDraft, type SkuDraft } from '../catalog/sku.rules.js';
import { RowReader, type RawRow, type RowOutcome } from './cells.js';
import { failureIssue } from './failure-issue.js';

export const PRODUCT_COLUMNS = [
  'code',
  'name',
  'category',
  'gtin',
  'weight_g',
  'length_mm',
  'width_mm',
  'height_mm',
  'lot_tracked',
  'shelf_life_days',
  'standard_cost',
  'currency',
  'active',
  'inner_quantity',
  'inner_gtin',
  'case_quantity',
  'case_gtin',
  'pallet_quantity',
  'pallet_gtin',
] as const;

/** Which column a `validateSku` failure points at, by its code or details.field. */
const COLUMN_OF: Record<string, string> = {
  'CATALOG.INVALID_CODE': 'code',
  'CATALOG.INVALID_SHELF_LIFE': 'shelf_life_days',
  'CATALOG.INVALID_COST': 'standard_cost',
  'CATALOG.INVALID_CURRENCY': 'currency',
  'CATALOG.INVALID_GTIN': 'gtin',
  'CATALOG.INVALID_PACKS': 'case_quantity',
  weightG: 'weight_g',
  lengthMm: 'length_mm',
  widthMm: 'width_mm',
  heightMm: 'height_mm',
};

/** Reads one products row into a checked SKU draft, or the issues of every bad cell. */
export function productRow(raw: RawRow, row: number): RowOutcome<SkuDraft> {
  const r = new RowReader(raw, row);
  const draft: SkuDraft = {
    code: r.required('code'),
    name: r.required('name'),
    category: r.optional('category') ?? 'general',
    gtin: r.optional('gtin') ?? null,
    weightG: r.integer('weight_g', 1) ?? null,
    lengthMm: r.integer('length_mm', 1) ?? null,
    widthMm: r.integer('width_mm', 1) ?? null,
    heightMm: r.integer('height_mm', 1) ?? null,
    lotTracked: r.flag('lot_tracked', false),
    shelfLifeDays: r.integer('shelf_life_days', 1) ?? null,
    standardCostMinor: r.money('standard_cost') ?? 0,
    currency: (r.optional('currency') ?? 'USD').toUpperCase(),
    active: r.flag('active', true),
    packs: packsOf(r),
  };
  if (r.issues.length > 0) return r.done(draft);
  const checked = validateSku(draft);
  if (!checked.ok) r.issues.push(failureIssue(checked.error, row, COLUMN_OF));
  return r.done(draft);
}

function packsOf(r: RowReader): PackDraft[] {
  const packs: PackDraft[] = [];
  for (const level of PACK_LEVELS) {
    const quantity = r.integer(`${level}_quantity`, 1);
    const gtin = r.optional(`${level}_gtin`) ?? null;
    if (quantity !== undefined) packs.push({ level, quantity, gtin });
    else if (gtin !== null)
      r.issue(`${level}_quantity`, 'IMPORT.REQUIRED', `A ${level} GTIN needs its quantity`);
  }
  return packs;
}

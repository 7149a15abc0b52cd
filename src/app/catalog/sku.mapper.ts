import type { Insertable, Selectable } from 'kysely';
import type { SkuPackTable, SkuTable } from '../../adapters/db/schema.js';
import {
  BASE_UNIT,
  isPackLevel,
  type PackDefinition,
  type SkuDefinition,
} from '../../core/catalog/sku.rules.js';

/** A pack level of a SKU as the API shows it: quantity in eaches, GTIN as 14 digits. */
export type SkuPack = PackDefinition;

/** A SKU from the item master as the API shows it (camelCase, flags as booleans). */
export interface Sku extends Omit<SkuDefinition, 'packs'> {
  id: number;
  baseUnit: string;
  packs: SkuPack[];
  createdAt: string;
  updatedAt: string;
}

export type SkuRow = Selectable<SkuTable>;
export type SkuPackRow = Selectable<SkuPackTable>;

/** Joins a SKU row with its pack rows (any order) into the API view, packs smallest first. */
export function toSku(row: SkuRow, packRows: readonly SkuPackRow[]): Sku {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    gtin: row.gtin,
    baseUnit: row.base_unit,
    weightG: row.weight_g,
    lengthMm: row.length_mm,
    widthMm: row.width_mm,
    heightMm: row.height_mm,
    lotTracked: row.lot_tracked === 1,
    shelfLifeDays: row.shelf_life_days,
    standardCostMinor: Number(row.standard_cost_minor),
    currency: row.currency,
    active: row.active === 1,
    packs: packRows.map(toPack).sort((a, b) => a.quantity - b.quantity),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toPack(row: SkuPackRow): SkuPack {
  if (!isPackLevel(row.level))
    throw new Error(`sku_packs ${row.id} has unknown level ${row.level}`);
  return {
    level: row.level,
    quantity: row.quantity,
    gtin: row.gtin,
    weightG: row.weight_g,
    lengthMm: row.length_mm,
    widthMm: row.width_mm,
    heightMm: row.height_mm,
  };
}

/** The columns a validated definition writes (everything but id, code and timestamps). */
export function skuColumns(definition: SkuDefinition) {
  return {
    name: definition.name,
    category: definition.category,
    weight_g: definition.weightG,
    length_mm: definition.lengthMm,
    width_mm: definition.widthMm,
    height_mm: definition.heightMm,
    lot_tracked: definition.lotTracked ? 1 : 0,
    shelf_life_days: definition.shelfLifeDays,
    standard_cost_minor: definition.standardCostMinor,
    currency: definition.currency,
    active: definition.active ? 1 : 0,
  };
}

/** A new SKU row; the base unit is always the each. */
export function newSkuRow(definition: SkuDefinition, now: Date): Insertable<SkuTable> {
  return {
    code: definition.code,
    gtin: definition.gtin,
    base_unit: BASE_UNIT,
    ...skuColumns(definition),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/** Pack rows for a SKU. */
export function packRows(
  skuId: number,
  packs: readonly PackDefinition[],
): Insertable<SkuPackTable>[] {
  return packs.map((p) => ({
    sku_id: skuId,
    level: p.level,
    quantity: p.quantity,
    gtin: p.gtin,
    weight_g: p.weightG,
    length_mm: p.lengthMm,
    width_mm: p.widthMm,
    height_mm: p.heightMm,
  }));
}

/** A stored SKU back as a definition, the starting point a PATCH is merged into. */
export function definitionOf(sku: Sku): SkuDefinition {
  const { id: _id, baseUnit: _unit, createdAt: _c, updatedAt: _u, ...definition } = sku;
  return definition;
}

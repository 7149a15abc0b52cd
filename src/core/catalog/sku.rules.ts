/**
 * What makes a SKU definition sound before it enters the item master: a well-formed code,
 * valid GTINs, pack levels that nest (6 eaches to an inner, 4 inners to a case, 40 cases to
 * a pallet), a shelf life for lot-tracked goods, and a standard cost in integer minor units.
 */
import { fail, ok, type Result } from '../shared/result.js';
import { normalizeGtin } from './gtin.js';

/** Packaging levels above the each, smallest first. The each (base unit) is implicit. */
export const PACK_LEVELS = ['inner', 'case', 'pallet'] as const;
export type PackLevel = (typeof PACK_LEVELS)[number];

/** Every quantity in Stockline is counted in this unit. */
export const BASE_UNIT = 'each';

/** Weight in grams and dimensions in millimetres; unknown values are null. */
export interface Measures {
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

/** A packaging level: how many eaches it holds, and the GTIN-14 printed on it. */
export interface PackDefinition extends Measures {
  level: PackLevel;
  quantity: number;
  gtin: string | null;
}

/** A SKU as the item master holds it, with every GTIN normalized to 14 digits. */
export interface SkuDefinition extends Measures {
  code: string;
  name: string;
  category: string;
  gtin: string | null;
  lotTracked: boolean;
  shelfLifeDays: number | null;
  standardCostMinor: number;
  currency: string;
  active: boolean;
  packs: PackDefinition[];
}

type Draft<T> = { [K in keyof T]?: T[K] | null | undefined };

/** A pack level as a caller describes it; the level is checked, not trusted. */
export type PackDraft = Draft<Omit<PackDefinition, 'level'>> & { level: string; quantity: number };

/** A SKU as a caller describes it: optional fields default, everything is checked. */
export type SkuDraft = Draft<Omit<SkuDefinition, 'packs' | 'code' | 'name' | 'category'>> & {
  code: string;
  name: string;
  category: string;
  packs?: PackDraft[] | null;
};

const CODE = /^[A-Za-z0-9._-]{1,40}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Checks a SKU draft and returns it normalized (GTINs to 14 digits, packs smallest first). */
export function validateSku(draft: SkuDraft): Result<SkuDefinition> {
  if (!CODE.test(draft.code)) {
    return fail('CATALOG.INVALID_CODE', 'A SKU code is 1–40 letters, digits, "-", "_" or "."', {
      skuCode: draft.code,
    });
  }
  const text = checkText(draft.name, 'name', 200) ?? checkText(draft.category, 'category', 100);
  if (text) return text;
  const measures = checkMeasures(draft, 'the SKU');
  if (!measures.ok) return measures;
  const gtin = draft.gtin == null ? ok(null) : normalizeGtin(draft.gtin);
  if (!gtin.ok) return gtin;
  const packs = validatePacks(draft.packs ?? [], gtin.value);
  if (!packs.ok) return packs;
  const lotTracked = draft.lotTracked ?? false;
  const shelfLifeDays = draft.shelfLifeDays ?? null;
  if (shelfLifeDays !== null && !isPositiveInteger(shelfLifeDays)) {
    return fail('CATALOG.INVALID_SHELF_LIFE', 'Shelf life is a positive whole number of days');
  }
  if (lotTracked && shelfLifeDays === null) {
    return fail('CATALOG.INVALID_SHELF_LIFE', 'A lot-tracked SKU needs a shelf life in days');
  }
  const standardCostMinor = draft.standardCostMinor ?? 0;
  if (!Number.isSafeInteger(standardCostMinor) || standardCostMinor < 0) {
    return fail('CATALOG.INVALID_COST', 'Standard cost is a whole number of minor units, ≥ 0');
  }
  const currency = draft.currency ?? 'USD';
  if (!CURRENCY.test(currency)) {
    return fail('CATALOG.INVALID_CURRENCY', 'Currency is an ISO 4217 code such as "USD"');
  }
  return ok({
    code: draft.code,
    name: draft.name.trim(),
    category: draft.category.trim(),
    gtin: gtin.value,
    ...measures.value,
    lotTracked,
    shelfLifeDays,
    standardCostMinor,
    currency,
    active: draft.active ?? true,
    packs: packs.value,
  });
}

/**
 * Checks a set of pack levels against each other and the each's GTIN. Each level appears
 * once; larger levels hold more eaches and a whole number of the next smaller level present
 * (a pallet of cases that do not fill it evenly cannot be broken down for picking).
 */
export function validatePacks(
  drafts: PackDraft[],
  itemGtin: string | null,
): Result<PackDefinition[]> {
  const packs: PackDefinition[] = [];
  const seenGtins = new Set(itemGtin ? [itemGtin] : []);
  for (const draft of drafts) {
    if (!isPackLevel(draft.level)) {
      return invalidPacks(`Unknown pack level "${draft.level}" (use ${PACK_LEVELS.join(', ')})`);
    }
    if (packs.some((p) => p.level === draft.level)) {
      return invalidPacks(`Pack level "${draft.level}" appears more than once`);
    }
    if (!isPositiveInteger(draft.quantity)) {
      return invalidPacks(`The ${draft.level} quantity must be a positive whole number of eaches`);
    }
    const measures = checkMeasures(draft, `the ${draft.level}`);
    if (!measures.ok) return measures;
    const gtin = draft.gtin == null ? ok(null) : normalizeGtin(draft.gtin);
    if (!gtin.ok) return gtin;
    if (gtin.value !== null) {
      if (seenGtins.has(gtin.value)) {
        return fail(
          'CATALOG.INVALID_PACKS',
          `The ${draft.level} GTIN is already used on this SKU`,
          {
            gtin: draft.gtin,
          },
        );
      }
      seenGtins.add(gtin.value);
    }
    packs.push({
      level: draft.level,
      quantity: draft.quantity,
      gtin: gtin.value,
      ...measures.value,
    });
  }
  packs.sort((a, b) => PACK_LEVELS.indexOf(a.level) - PACK_LEVELS.indexOf(b.level));
  for (let i = 1; i < packs.length; i++) {
    const smaller = packs[i - 1]!;
    const larger = packs[i]!;
    if (larger.quantity <= smaller.quantity || larger.quantity % smaller.quantity !== 0) {
      return invalidPacks(
        `A ${larger.level} (${larger.quantity}) must hold a whole number (> 1) of ${smaller.level}s (${smaller.quantity})`,
      );
    }
  }
  return ok(packs);
}

export function isPackLevel(value: string): value is PackLevel {
  return (PACK_LEVELS as readonly string[]).includes(value);
}

function invalidPacks(message: string) {
  return fail('CATALOG.INVALID_PACKS', message);
}

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function checkText(value: string, field: string, max: number) {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) {
    return fail('CATALOG.INVALID_SKU', `The ${field} must be 1–${max} characters`, { field });
  }
  return undefined;
}

function checkMeasures(draft: Draft<Measures>, what: string): Result<Measures> {
  const measures: Measures = {
    weightG: draft.weightG ?? null,
    lengthMm: draft.lengthMm ?? null,
    widthMm: draft.widthMm ?? null,
    heightMm: draft.heightMm ?? null,
  };
  for (const [field, value] of Object.entries(measures)) {
    if (value !== null && !isPositiveInteger(value)) {
      return fail(
        'CATALOG.INVALID_MEASURES',
        `${field} of ${what} must be a positive whole number`,
        {
          field,
        },
      );
    }
  }
  return ok(measures);
}

import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../../core/catalog/gtin.js';
import { validateSku } from '../../core/catalog/sku.rules.js';
import { planBinLayout } from '../../core/inventory/bin-layout.js';
import {
  DEFAULT_DEMO_SEED,
  DEMO_CATEGORIES,
  DEMO_WAREHOUSES,
  demoCatalog,
} from './demo-catalog.js';

describe('demoCatalog', () => {
  const { skus } = demoCatalog(42);

  it('lists at least 200 SKUs with unique codes in every category', () => {
    expect(skus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(skus.map((s) => s.code)).size).toBe(skus.length);
    expect(new Set(skus.map((s) => s.category))).toEqual(new Set(DEMO_CATEGORIES));
    expect(skus.map((s) => s.code)).toContain('DOG-DRY-0001');
  });

  it('gives every each, inner, case and pallet a valid GTIN used nowhere else', () => {
    const gtins = skus.flatMap((s) => [s.gtin, ...s.packs.map((p) => p.gtin)]);
    for (const gtin of gtins) expect(isValidGtin(gtin), gtin).toBe(true);
    expect(skus.every((s) => s.gtin.length === 13)).toBe(true);
    const as14 = gtins.map((g) => g.padStart(14, '0'));
    expect(new Set(as14).size).toBe(gtins.length);
    for (const sku of skus) {
      expect(sku.packs.find((p) => p.level === 'case')?.gtin.slice(0, 1) ?? '1').toBe('1');
      expect(sku.packs.find((p) => p.level === 'pallet')?.gtin.slice(0, 1)).toBe('3');
    }
  });

  it('passes the item master rules: packs nest, lot-tracked goods have a shelf life', () => {
    for (const sku of [...skus, ...demoCatalog(DEFAULT_DEMO_SEED).skus]) {
      const result = validateSku(sku);
      expect(result.ok ? 'ok' : `${sku.code}: ${result.error.message}`).toBe('ok');
      expect(sku.standardCostMinor).toBeGreaterThan(0);
    }
    const tracked = (category: string) =>
      skus.filter((s) => s.category === category).every((s) => s.lotTracked);
    expect(tracked('Dry dog food') && tracked('Wet cat food') && tracked('Dog treats')).toBe(true);
    expect(skus.filter((s) => s.category === 'Cat litter').some((s) => s.lotTracked)).toBe(false);
  });

  it('packs pallets a forklift can put away: under 2.2 m and 1.2 t', () => {
    for (const sku of skus) {
      const pallet = sku.packs.find((p) => p.level === 'pallet')!;
      expect(pallet.heightMm, sku.code).toBeLessThanOrEqual(2200);
      expect(pallet.weightG, sku.code).toBeLessThanOrEqual(1_200_000);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(demoCatalog(42)).toEqual(demoCatalog(42));
    expect(demoCatalog(43).skus).not.toEqual(skus);
    expect(demoCatalog(43).skus.length).toBe(skus.length);
  });

  it('lays out two warehouses whose zones plan without clashes', () => {
    expect(DEMO_WAREHOUSES.map((w) => [w.warehouse.code, w.warehouse.timeZone])).toEqual([
      ['MAIN', 'America/New_York'],
      ['WEST', 'America/Los_Angeles'],
    ]);
    for (const { layouts } of DEMO_WAREHOUSES) {
      const codes = layouts.flatMap((layout) => {
        const planned = planBinLayout(layout, 1);
        if (!planned.ok) throw new Error(planned.error.message);
        return planned.value.map((b) => b.code);
      });
      expect(new Set(codes).size).toBe(codes.length);
      expect(layouts.map((l) => l.type)).toContain('pick_face');
    }
  });
});

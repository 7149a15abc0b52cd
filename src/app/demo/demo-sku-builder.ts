import { gtin14FromGtin13, gtinCheckDigit } from '../../core/catalog/gtin.js';
import type { PackLevel } from '../../core/catalog/sku.rules.js';
import type { DemoRandom } from './demo-random.js';

/** The categories of the demo wholesaler's item master, as the `category` column holds them. */
export const DEMO_CATEGORIES = [
  'Dry dog food',
  'Wet dog food',
  'Dry cat food',
  'Wet cat food',
  'Dog treats',
  'Cat treats',
  'Cat litter',
  'Toys',
  'Aquarium',
  'Bird',
  'Small animal',
  'Accessories',
] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

/**
 * ABC class by sales velocity: A items (fast movers) get pick faces and several pallets in
 * reserve, C items sit on reserve shelves and are picked from there.
 */
export type AbcClass = 'A' | 'B' | 'C';

/**
 * Shorthand for a size: label, grams, each's L × W × H in mm, cost range in cents, and how it
 * is packed (`inner`/`case` eaches, `pallet` cases — or eaches when there is no case).
 */
export function size(
  label: string,
  weightG: number,
  mm: readonly [number, number, number],
  costMinor: readonly [number, number],
  packing: { inner?: number; case?: number; pallet: number },
): DemoSize {
  const { inner, case: casePack, pallet } = packing;
  return { label, weightG, mm, costMinor, inner, case: casePack, palletOf: pallet };
}

/** One size of a product line: the each's measures, its cost range and how it is packed. */
export interface DemoSize {
  /** Appended to the name ("12 kg", "Case of 24"); empty when the variant says it all. */
  readonly label: string;
  readonly weightG: number;
  /** Length, width, height of one each in millimetres. */
  readonly mm: readonly [number, number, number];
  /** Standard cost range in cents; the seed picks within it. */
  readonly costMinor: readonly [number, number];
  readonly inner?: number;
  readonly case?: number;
  /** Cases to a pallet — or eaches, for goods shipped loose (12 kg bags). */
  readonly palletOf: number;
}

/** A product line: every brand × variant × size is a candidate SKU; `count` of them are listed. */
export interface DemoLine {
  readonly category: DemoCategory;
  /** SKU codes are `<codePrefix>-0001`, `-0002`, … */
  readonly codePrefix: string;
  readonly brands: readonly string[];
  readonly variants: readonly string[];
  readonly sizes: readonly DemoSize[];
  /** Sizes for particular variants (clay litter comes in 9 and 18 kg, silica in 3.6 kg). */
  readonly variantSizes?: Readonly<Record<string, readonly DemoSize[]>>;
  readonly count: number;
  /** Set for lot-tracked goods (food, treats, seed, hay); null for hard goods. */
  readonly shelfLifeDays: number | null;
}

/** A packaging level with its GTIN-14 and measures, ready for the item master. */
export interface DemoPack {
  level: PackLevel;
  quantity: number;
  gtin: string;
  weightG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** A SKU of the demo catalog: a valid `SkuDraft` plus its velocity class. */
export interface DemoSku {
  code: string;
  name: string;
  category: DemoCategory;
  /** GTIN-13 of the each. */
  gtin: string;
  weightG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  lotTracked: boolean;
  shelfLifeDays: number | null;
  standardCostMinor: number;
  currency: 'USD';
  packs: DemoPack[];
  abcClass: AbcClass;
}

/**
 * Hands out GTIN-13s: each brand owns a made-up 7-digit GS1 company prefix (0614141, 0614142…)
 * and numbers its items 00001, 00002, … within it, as a brand owner would.
 */
export class DemoGtins {
  readonly #prefixes = new Map<string, string>();
  readonly #next = new Map<string, number>();

  next(brand: string): string {
    let prefix = this.#prefixes.get(brand);
    if (!prefix) {
      prefix = String(614141 + this.#prefixes.size).padStart(7, '0');
      this.#prefixes.set(brand, prefix);
    }
    const item = (this.#next.get(brand) ?? 0) + 1;
    this.#next.set(brand, item);
    const body = `${prefix}${String(item).padStart(5, '0')}`;
    return `${body}${gtinCheckDigit(body)}`;
  }
}

/** Lists `line.count` SKUs of a line, chosen and priced by the seed, numbered in catalog order. */
export function buildLine(line: DemoLine, rng: DemoRandom, gtins: DemoGtins): DemoSku[] {
  const candidates = line.brands.flatMap((brand, b) =>
    line.variants.flatMap((variant, v) =>
      (line.variantSizes?.[variant] ?? line.sizes).map((size, s) => ({
        brand,
        variant,
        size,
        rank: [b, v, s],
      })),
    ),
  );
  if (candidates.length < line.count)
    throw new Error(`${line.codePrefix}: only ${candidates.length} candidates`);
  const chosen = rng
    .shuffle(candidates)
    .slice(0, line.count)
    .sort((x, y) => x.rank[0]! - y.rank[0]! || x.rank[1]! - y.rank[1]! || x.rank[2]! - y.rank[2]!);
  return chosen.map(({ brand, variant, size }, i) => {
    const gtin = gtins.next(brand);
    const [lengthMm, widthMm, heightMm] = size.mm;
    return {
      code: `${line.codePrefix}-${String(i + 1).padStart(4, '0')}`,
      name: [brand, variant, size.label].filter((part) => part !== '').join(' '),
      category: line.category,
      gtin,
      weightG: size.weightG,
      lengthMm,
      widthMm,
      heightMm,
      lotTracked: line.shelfLifeDays !== null,
      shelfLifeDays: line.shelfLifeDays,
      standardCostMinor: Math.round(rng.int(size.costMinor[0], size.costMinor[1]) / 5) * 5,
      currency: 'USD',
      packs: packsFor(size, gtin),
      abcClass: rng.pick(ABC_WEIGHTS),
    };
  });
}

/** Roughly 20 % A, 30 % B, 50 % C: the usual Pareto shape of a wholesaler's range. */
const ABC_WEIGHTS: readonly AbcClass[] = ['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C'];

/** GS1 indicator digits used by the demo: 2 for inners, 1 for cases, 3 for pallets. */
const INDICATOR: Record<PackLevel, number> = { inner: 2, case: 1, pallet: 3 };

function packsFor(size: DemoSize, gtin13: string): DemoPack[] {
  const each = { quantity: 1, weightG: size.weightG, mm: size.mm };
  const packs: DemoPack[] = [];
  let unit = each;
  for (const [level, count] of [
    ['inner', size.inner ? size.inner : undefined],
    ['case', size.case && size.inner ? size.case / size.inner : size.case],
  ] as const) {
    if (!count) continue;
    unit = boxOf(unit, count, level === 'inner' ? 0 : 6);
    packs.push(pack(level, unit, gtin13));
  }
  packs.push(pack('pallet', palletOf(unit, size.palletOf), gtin13));
  return packs;
}

interface Unit {
  quantity: number;
  weightG: number;
  mm: readonly [number, number, number];
}

function pack(level: PackLevel, unit: Unit, gtin13: string): DemoPack {
  const gtin = gtin14FromGtin13(INDICATOR[level], gtin13);
  if (!gtin.ok) throw new Error(gtin.error.message);
  const [lengthMm, widthMm, heightMm] = unit.mm;
  return {
    level,
    quantity: unit.quantity,
    gtin: gtin.value,
    weightG: unit.weightG,
    lengthMm,
    widthMm,
    heightMm,
  };
}

/** `count` units in a shrink-wrap (wall 0) or a corrugated case (walls of a few mm). */
function boxOf(unit: Unit, count: number, wallMm: number): Unit {
  // The most units go along the item's thinnest side: bags stand side by side, cans stack.
  const factors = arrange(count);
  const thinFirst = [0, 1, 2].sort((i, j) => unit.mm[i]! - unit.mm[j]!);
  const along = [1, 1, 1];
  thinFirst.forEach((side, rank) => (along[side] = factors[rank]!));
  const mm = [0, 1, 2].map((i) => unit.mm[i]! * along[i]! + wallMm) as [number, number, number];
  const packagingG =
    wallMm === 0 ? 10 : Math.round((mm[0] * mm[1] + mm[1] * mm[2] + mm[0] * mm[2]) / 700);
  return { quantity: unit.quantity * count, weightG: unit.weightG * count + packagingG, mm };
}

/** A GMA pallet (1219 × 1016 mm, 22 kg of wood) stacked in layers of whole cases. */
function palletOf(unit: Unit, count: number): Unit {
  const [l, w, h] = unit.mm;
  const perLayer = Math.max(
    1,
    Math.floor(1219 / l) * Math.floor(1016 / w),
    Math.floor(1219 / w) * Math.floor(1016 / l),
  );
  const layers = Math.ceil(count / perLayer);
  return {
    quantity: unit.quantity * count,
    weightG: unit.weightG * count + 22_000,
    mm: [1219, 1016, 145 + layers * h],
  };
}

/** Three whole factors of `count`, largest first, as close to a cube as possible: 24 → 4 × 3 × 2. */
function arrange(count: number): [number, number, number] {
  let best: [number, number, number] = [count, 1, 1];
  for (let c = 1; c * c * c <= count; c++) {
    if (count % c !== 0) continue;
    for (let b = c; b * b <= count / c; b++) {
      if ((count / c) % b === 0) {
        const a = count / c / b;
        if (a < best[0]) best = [a, b, c];
      }
    }
  }
  return best;
}

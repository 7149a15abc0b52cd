import { fail, ok, type Result } from '../shared/result.js';
import {
  serpentinePickSequence,
  validateCapacity,
  validateHierarchy,
  type ValidLocation,
} from './location-code.js';

/**
 * A block of racking to set up in one go: a zone of `aisles` aisles, each of `bays` bays,
 * each bay `levels` shelves high with `binsPerLevel` bins on every shelf.
 */
export interface BinLayoutSpec {
  readonly zone: string;
  readonly aisles: number;
  readonly bays: number;
  readonly levels: number;
  readonly binsPerLevel: number;
  /** Bulk storage or pick faces; other types are single locations, made one by one. */
  readonly type: string;
  readonly capacityUnits?: number | null;
  /** Number of the first aisle, so a zone can be extended later (default 1). */
  readonly firstAisle?: number;
}

/** One bin of a planned layout, with its default place on the pick path. */
export interface PlannedBin extends ValidLocation {
  readonly pickSequence: number;
}

/** The largest layout made in one request (one transaction): a big zone, not a whole campus. */
export const MAX_LAYOUT_BINS = 10_000;
const LAYOUT_TYPES = ['storage', 'pick_face'] as const;
const LEVEL_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Plans the bins of a layout: codes `A-03-02-B-1` (two-digit aisle and bay, lettered level,
 * numbered bin) in serpentine pick order starting at `pickSequenceStart`.
 */
export function planBinLayout(
  spec: BinLayoutSpec,
  pickSequenceStart: number,
): Result<PlannedBin[]> {
  const checked = checkLayout(spec);
  if (!checked.ok) return checked;
  const { zone, type, capacityUnits, firstAisle } = checked.value;
  const grid = {
    bays: spec.bays,
    levels: spec.levels,
    binsPerLevel: spec.binsPerLevel,
    firstAisle,
  };
  const bins: PlannedBin[] = [];
  for (let aisle = firstAisle; aisle < firstAisle + spec.aisles; aisle++) {
    for (let bay = 1; bay <= spec.bays; bay++) {
      for (let level = 1; level <= spec.levels; level++) {
        for (let bin = 1; bin <= spec.binsPerLevel; bin++) {
          const parts = {
            zone,
            aisle: pad2(aisle),
            bay: pad2(bay),
            level: LEVEL_LETTERS[level - 1]!,
            bin: String(bin),
          };
          bins.push({
            ...parts,
            code: `${parts.zone}-${parts.aisle}-${parts.bay}-${parts.level}-${parts.bin}`,
            type,
            capacityUnits,
            pickSequence: serpentinePickSequence(
              { aisle, bay, level, bin },
              grid,
              pickSequenceStart,
            ),
          });
        }
      }
    }
  }
  return ok(bins.sort((a, b) => a.pickSequence - b.pickSequence));
}

interface CheckedLayout {
  zone: string;
  type: (typeof LAYOUT_TYPES)[number];
  capacityUnits: number | null;
  firstAisle: number;
}

function checkLayout(spec: BinLayoutSpec): Result<CheckedLayout> {
  const zone = validateHierarchy({ zone: spec.zone });
  if (!zone.ok || zone.value.zone === null)
    return invalid('The zone must be 1–8 letters or digits');
  if (!(LAYOUT_TYPES as readonly string[]).includes(spec.type)) {
    return invalid(`A layout makes ${LAYOUT_TYPES.join(' or ')} bins, not "${spec.type}"`);
  }
  const capacity = validateCapacity(spec.capacityUnits ?? null);
  if (!capacity.ok) return capacity;
  const firstAisle = spec.firstAisle ?? 1;
  const counts = {
    aisles: spec.aisles,
    bays: spec.bays,
    levels: spec.levels,
    binsPerLevel: spec.binsPerLevel,
    firstAisle,
  };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isSafeInteger(value) || value < 1)
      return invalid(`${name} must be a whole number from 1`);
  }
  // Two digits for aisles and bays, one letter for levels, two digits for bins: codes stay short.
  if (firstAisle + spec.aisles - 1 > 99) return invalid('Aisles are numbered 01–99');
  if (spec.bays > 99) return invalid('Bays are numbered 01–99');
  if (spec.levels > LEVEL_LETTERS.length) return invalid('Levels are lettered A–Z');
  if (spec.binsPerLevel > 99) return invalid('At most 99 bins per level');
  const total = spec.aisles * spec.bays * spec.levels * spec.binsPerLevel;
  if (total > MAX_LAYOUT_BINS)
    return invalid(`A layout makes at most ${MAX_LAYOUT_BINS} bins; this one is ${total}`);
  return ok({
    zone: zone.value.zone,
    type: spec.type as CheckedLayout['type'],
    capacityUnits: capacity.value,
    firstAisle,
  });
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function invalid<T>(message: string): Result<T> {
  return fail('WAREHOUSE.INVALID_LAYOUT', message);
}

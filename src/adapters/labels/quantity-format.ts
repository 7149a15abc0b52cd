/**
 * Quantities as warehouse staff count them. Stock is kept in eaches (the base unit), but a
 * picker pulling 50 cans of cat food from a location stocked in cases of 12 wants to read
 * "4 cs + 2 ea", not "50". Pure helpers; they live beside the printed documents that use
 * them (and could move to the catalog core if screens need them too).
 */

/** A quantity in eaches split into full cases and loose eaches. */
export interface CasesEaches {
  readonly cases: number;
  readonly eaches: number;
}

function assertCount(value: number, name: string, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer ≥ ${minimum}, got ${value}`);
  }
}

/** Full cases and the eaches left over: 50 at a case size of 12 is 4 cases + 2 eaches. */
export function splitCasesEaches(quantity: number, caseSize: number): CasesEaches {
  assertCount(quantity, 'quantity', 0);
  assertCount(caseSize, 'caseSize', 1);
  if (caseSize === 1) return { cases: 0, eaches: quantity };
  return { cases: Math.floor(quantity / caseSize), eaches: quantity % caseSize };
}

/**
 * A quantity for a pick list or slip: `4 cs + 2 ea`, `4 cs`, `2 ea`, `0 ea`. A case size of
 * 1 (an item sold only as eaches) never shows cases. Quantities and case sizes are integer
 * eaches; anything else is a programming error and throws.
 */
export function formatCasesEaches(quantity: number, caseSize: number): string {
  const { cases, eaches } = splitCasesEaches(quantity, caseSize);
  if (cases === 0) return `${eaches} ea`;
  return eaches === 0 ? `${cases} cs` : `${cases} cs + ${eaches} ea`;
}

/** Grams as kilograms for a label, integer arithmetic then one decimal point: 12345 → "12.35 kg". */
export function formatKilograms(grams: number): string {
  assertCount(grams, 'grams', 0);
  const hundredths = Math.round(grams / 10);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')} kg`;
}

/** What the count screens read from and send to the API (generated types). */
import type { ApiBody, ApiItem } from '../../api/types.js';

export type CountTaskHead = ApiItem<'/api/v1/count-tasks'>;

/**
 * One entry per bin: the oldest pending task there, and how many more wait at the same bin
 * (stores from before short picks reused a pending count may hold several).
 */
export function onePerBin<T extends { id: number; locationCode: string }>(
  tasks: readonly T[],
): (T & { alsoPending: number })[] {
  const byBin = new Map<string, T & { alsoPending: number }>();
  for (const t of [...tasks].sort((a, b) => a.id - b.id)) {
    const first = byBin.get(t.locationCode);
    if (first) first.alsoPending += 1;
    else byBin.set(t.locationCode, { ...t, alsoPending: 0 });
  }
  return [...byBin.values()];
}

export type CountTaskDetail = ApiBody<'/api/v1/count-tasks/{id}', 'get'>;
/** What the bin should hold: SKU and lot names only, never a quantity (blind counting). */
export type ExpectedItem = NonNullable<CountTaskDetail['expectedItems']>[number];
export type CountLine = CountTaskDetail['lines'][number];

/** One line the counter has entered so far: a scanned barcode, or a SKU keyed with a quantity. */
export interface Entry {
  key: string;
  label: string;
  scan?: string;
  skuId?: number;
  lotCode?: string;
  quantity: number;
}

/** Adds a scan to the entries: the same barcode again is one more pack of it. */
export function addScan(entries: Entry[], scan: string, label: string): Entry[] {
  const key = `scan:${scan}`;
  const found = entries.find((e) => e.key === key);
  if (found) return entries.map((e) => (e === found ? { ...e, quantity: e.quantity + 1 } : e));
  return [...entries, { key, label, scan, quantity: 1 }];
}

/** Sets a keyed line's quantity: keying a SKU (and lot) again replaces what was keyed before. */
export function setKeyed(
  entries: Entry[],
  skuId: number,
  lotCode: string,
  quantity: number,
  label: string,
): Entry[] {
  const key = `sku:${skuId}:${lotCode}`;
  const line: Entry = { key, label, skuId, quantity, ...(lotCode ? { lotCode } : {}) };
  return entries.some((e) => e.key === key)
    ? entries.map((e) => (e.key === key ? line : e))
    : [...entries, line];
}

/** The submission body's lines. */
export function submissionLines(entries: Entry[]) {
  return entries.map((e) =>
    e.scan !== undefined
      ? { scan: e.scan, quantity: e.quantity }
      : { skuId: e.skuId, quantity: e.quantity, ...(e.lotCode ? { lotCode: e.lotCode } : {}) },
  );
}

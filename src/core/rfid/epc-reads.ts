/**
 * RFID readers report the same tag many times while it is in the field (every antenna, every
 * inventory round). A tag is one item: a batch of reads counts each EPC once.
 */
import { decodeSgtin96, normalizeEpcHex, type Sgtin } from './sgtin96.js';
import type { Failure } from '../shared/result.js';

/** One GTIN seen in a batch of reads: how many distinct tagged items, and their serials. */
export interface EpcItemCount {
  gtin: string;
  quantity: number;
  serials: string[];
}

/** A batch of reads after de-duplication. */
export interface EpcBatch {
  /** Distinct EPCs in first-seen order (normalized hex). */
  uniqueEpcs: string[];
  /** Per GTIN, in first-seen order: the count of distinct tags. */
  items: EpcItemCount[];
  /** Reads that repeated an EPC already in the batch. */
  duplicateReads: number;
  /** Distinct EPCs that are not SGTIN-96 (or are malformed), with the reason. */
  rejected: { epc: string; failure: Failure }[];
}

/**
 * Collapses repeated reads of one tag to one item and groups the items by GTIN. Reads may
 * differ only in case, spacing or a `0x` prefix and still be the same tag.
 */
export function dedupeEpcReads(reads: Iterable<string>): EpcBatch {
  const seen = new Set<string>();
  const byGtin = new Map<string, EpcItemCount>();
  const batch: EpcBatch = { uniqueEpcs: [], items: [], duplicateReads: 0, rejected: [] };
  for (const read of reads) {
    const epc = normalizeEpcHex(read);
    if (seen.has(epc)) {
      batch.duplicateReads += 1;
      continue;
    }
    seen.add(epc);
    batch.uniqueEpcs.push(epc);
    const decoded = decodeSgtin96(epc);
    if (!decoded.ok) {
      batch.rejected.push({ epc, failure: decoded.error });
      continue;
    }
    countItem(byGtin, decoded.value);
  }
  batch.items = [...byGtin.values()];
  return batch;
}

function countItem(byGtin: Map<string, EpcItemCount>, tag: Sgtin) {
  let entry = byGtin.get(tag.gtin);
  if (!entry) {
    entry = { gtin: tag.gtin, quantity: 0, serials: [] };
    byGtin.set(tag.gtin, entry);
  }
  entry.quantity += 1;
  entry.serials.push(tag.serial);
}

import type { Tx } from '../../adapters/db/database.js';
import { parseTolerancePct } from '../../core/receiving/receipt-rules.js';

/** The settings key that says how far above ordered a PO line may be received, in percent. */
export const OVER_TOLERANCE_SETTING = 'receiving_over_tolerance_pct';

/** The over-receipt tolerance in force (default 10 %). */
export async function overTolerancePct(trx: Tx): Promise<number> {
  const row = await trx
    .selectFrom('settings')
    .select('value')
    .where('key', '=', OVER_TOLERANCE_SETTING)
    .executeTakeFirst();
  return parseTolerancePct(row?.value);
}

import type { Tx } from '../../adapters/db/database.js';
import { priceLine, type PricedLine } from '../../core/pricing/line-pricing.js';
import { checkPriceOverride } from '../../core/pricing/price-override.js';
import { FailureError, must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import type { CustomerForOrder } from '../customers/customer-for-order.js';
import { masterData } from '../master-data/master-data-cache.js';
import { OrderMasterData } from './order-master-data.js';
import type { OrderLineInput } from './place-order.js';

/** Server-side prices for every line; a price sent by a role that may not set one is refused. */
export async function priceLines(
  trx: Tx,
  customer: CustomerForOrder,
  lines: readonly OrderLineInput[],
  actor: Actor,
  onDate: string,
  /** Order entry's master data when the caller already brought it up to date. */
  known?: OrderMasterData,
): Promise<PricedLine[]> {
  if (lines.length === 0)
    throw new FailureError({ code: 'ORDER.NO_LINES', message: 'An order needs at least one line' });
  const overrides = lines.map((l) => must(checkPriceOverride(actor.role, l.unitPriceMinor)));
  const master = known ?? new OrderMasterData(await masterData(trx), trx);
  const skus = await master.skuPricing(
    customer,
    lines.map((l) => l.skuId),
    onDate,
  );
  return lines.map((line, i) => {
    const facts = skus.get(line.skuId);
    if (!facts)
      throw new FailureError({
        code: 'ORDER.SKU_NOT_FOUND',
        message: `No SKU ${line.skuId}`,
        details: { line: i + 1 },
      });
    if (!facts.active)
      throw new FailureError({
        code: 'ORDER.SKU_INACTIVE',
        message: `SKU ${line.skuId} is no longer sold`,
        details: { line: i + 1 },
      });
    const priced = priceLine(
      {
        packLevel: line.packLevel,
        packQuantity: line.packQuantity,
        overridePriceMinor: overrides[i],
      },
      facts,
      onDate,
    );
    if (!priced.ok)
      throw new FailureError({
        ...priced.error,
        details: { ...priced.error.details, line: i + 1 },
      });
    return priced.value;
  });
}

import type { AppContext } from '../context.js';
import { backorderedSkus, fillBackorders } from '../orders/fill-backorders.js';

/**
 * Stock arriving through the API fills backorders at once; this sweep catches the rest (stock
 * freed by a cancellation, a fill interrupted by a crash). Safe with several processes: each
 * order is locked while it is allocated, so the worst case is wasted work. Unexpected
 * failures (not refusals) are handed to `onError`. `keepGoing` false stops it between orders.
 */
export async function sweepBackorders(
  ctx: AppContext,
  onError: (error: unknown) => void,
  keepGoing: () => boolean = () => true,
): Promise<number> {
  const fill = await fillBackorders(
    ctx.database,
    await backorderedSkus(ctx.database),
    ctx.policies.allocation,
    ctx.now,
    undefined,
    keepGoing,
  );
  for (const f of fill.failures)
    if (f.code === 'INTERNAL.ERROR') onError(new Error(`order ${f.orderId}: ${f.message}`));
  return fill.unitsAllocated;
}

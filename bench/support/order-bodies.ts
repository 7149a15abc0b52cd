/**
 * POST /api/v1/orders bodies for HTTP load (see http-load.ts: made in the load child). Each
 * order has `linesPerOrder` lines on distinct SKUs drawn from `skuIds`, 1–`maxPacks` eaches a
 * line, from a seeded sequence so every run sends the same orders.
 */
import { seededRandom } from './stats.js';

export interface OrderBodyArgs {
  customerId: number;
  skuIds: readonly number[];
  linesPerOrder: number;
  maxPacks: number;
  seed: number;
  /** Walk the SKUs in order instead of drawing them: a warm-up that touches every SKU once. */
  sequential?: boolean;
}

export function orderBodies(args: OrderBodyArgs): () => string {
  const random = seededRandom(args.seed);
  let next = 0;
  const pick = () =>
    args.sequential
      ? args.skuIds[next++ % args.skuIds.length]!
      : args.skuIds[Math.floor(random() * args.skuIds.length)]!;
  return () => {
    const skus = new Set<number>();
    while (skus.size < Math.min(args.linesPerOrder, args.skuIds.length)) skus.add(pick());
    return JSON.stringify({
      customerId: args.customerId,
      lines: [...skus].map((skuId) => ({
        skuId,
        packLevel: 'each',
        packQuantity: 1 + Math.floor(random() * args.maxPacks),
      })),
    });
  };
}

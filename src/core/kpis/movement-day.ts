/**
 * The KPI day a ledger movement counts on: the UTC date of its `created_at` (ISO-8601 UTC
 * text). Every aggregate (stock days, warehouse days, SKU weeks) buckets movements through
 * this one function, so a different day boundary (a warehouse's local business day) is a
 * change here and nowhere else.
 */
export function movementDay(createdAt: string): string {
  return createdAt.slice(0, 10);
}

/**
 * The KPI day a ledger movement counts on: the business day (the warehouse's local day) of its
 * `created_at` (ISO-8601 UTC text). Every aggregate (stock days, warehouse days, SKU weeks)
 * buckets movements through the function this returns. `dayAt` converts a UTC quarter hour
 * (`YYYY-MM-DDTHH`, 0–3) at a warehouse; every zone's offset is a whole number of quarter
 * hours, so that is exact. Movements come in time order, so the days of the current quarter
 * hour are remembered per warehouse and a refresh over a million movements converts each
 * quarter hour once.
 */
export function movementDays(
  dayAt: (warehouseId: number, hour: string, quarter: number) => string,
): (createdAt: string, warehouseId: number) => string {
  let hour = '';
  let quarter = -1;
  const days = new Map<number, string>();
  return (createdAt, warehouseId) => {
    const h = createdAt.slice(0, 13);
    const q = Math.floor(Number(createdAt.slice(14, 16)) / 15);
    if (h !== hour || q !== quarter) {
      hour = h;
      quarter = q;
      days.clear();
    }
    let day = days.get(warehouseId);
    if (day === undefined) days.set(warehouseId, (day = dayAt(warehouseId, h, q)));
    return day;
  };
}

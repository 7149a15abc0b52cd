/**
 * The incremental step of the stock aggregates, pure: one SKU × warehouse's day rows, merged
 * with the day deltas of newly read movements, and what that changes in the warehouse totals.
 * Rows carry the end-of-day position, so the rows from the first new day on are recomputed.
 */
export interface StockDay {
  day: string;
  onHand: number;
  sellable: number;
  issuedUnits: number;
  cogsMinor: number;
  movements: number;
}

/** What new movements did on one day (quantities signed; COGS at today's standard cost). */
export interface DayDelta {
  day: string;
  onHand: number;
  sellable: number;
  issuedUnits: number;
  cogsMinor: number;
  movements: number;
}

/** A change to one warehouse-day's running totals, caused by one SKU. */
export interface WarehouseDayChange {
  day: string;
  /** Units: multiply by the SKU's cost for value. */
  onHandDelta: number;
  stockoutDelta: number;
  trackedDelta: number;
}

export interface MergedSeries {
  rows: StockDay[];
  changes: WarehouseDayChange[];
}

type Position = Pick<StockDay, 'onHand' | 'sellable'>;

/**
 * `previous`: the last row before the first day in `existing`/`deltas` (null if none);
 * `existing`: the stored rows from that day on, in day order. Returns the new rows from that
 * day on and the net change to the warehouse's day totals (new contribution − old).
 */
export function mergeStockDays(
  previous: Position | null,
  existing: readonly StockDay[],
  deltas: readonly DayDelta[],
): MergedSeries {
  const byDay = new Map<string, StockDay>(existing.map((r) => [r.day, { ...r }]));
  const days = [...new Set([...existing.map((r) => r.day), ...deltas.map((d) => d.day)])].sort();
  const deltaOn = new Map<string, DayDelta>();
  for (const d of deltas) {
    const seen = deltaOn.get(d.day);
    deltaOn.set(d.day, seen ? addDelta(seen, d) : d);
  }
  const rows: StockDay[] = [];
  let oldBefore = previous;
  for (const day of days) {
    const old = byDay.get(day);
    const delta = deltaOn.get(day);
    // A stored row holds a level: its own day's change is the step from the stored row before.
    const oldStep = old ? old.onHand - (oldBefore?.onHand ?? 0) : 0;
    const oldSellableStep = old ? old.sellable - (oldBefore?.sellable ?? 0) : 0;
    if (old) oldBefore = old;
    const before = rows.at(-1) ?? previous;
    rows.push({
      day,
      onHand: (before?.onHand ?? 0) + oldStep + (delta?.onHand ?? 0),
      sellable: (before?.sellable ?? 0) + oldSellableStep + (delta?.sellable ?? 0),
      issuedUnits: (old?.issuedUnits ?? 0) + (delta?.issuedUnits ?? 0),
      cogsMinor: (old?.cogsMinor ?? 0) + (delta?.cogsMinor ?? 0),
      movements: (old?.movements ?? 0) + (delta?.movements ?? 0),
    });
  }
  return { rows, changes: diffContributions(previous, existing, rows) };
}

function addDelta(a: DayDelta, b: DayDelta): DayDelta {
  return {
    day: a.day,
    onHand: a.onHand + b.onHand,
    sellable: a.sellable + b.sellable,
    issuedUnits: a.issuedUnits + b.issuedUnits,
    cogsMinor: a.cogsMinor + b.cogsMinor,
    movements: a.movements + b.movements,
  };
}

/** Each row's step from the one before it, as the warehouse totals see it. */
function contributions(previous: Position | null, rows: readonly StockDay[]) {
  const out = new Map<string, WarehouseDayChange>();
  let before = previous;
  for (const row of rows) {
    out.set(row.day, {
      day: row.day,
      onHandDelta: row.onHand - (before?.onHand ?? 0),
      stockoutDelta: stockedOut(row) - (before ? stockedOut(before) : 0),
      trackedDelta: before ? 0 : 1,
    });
    before = row;
  }
  return out;
}

/** Nothing sellable at the end of the day. */
function stockedOut(p: Position): number {
  return p.sellable <= 0 ? 1 : 0;
}

function diffContributions(
  previous: Position | null,
  oldRows: readonly StockDay[],
  newRows: readonly StockDay[],
): WarehouseDayChange[] {
  const before = contributions(previous, oldRows);
  const after = contributions(previous, newRows);
  const changes: WarehouseDayChange[] = [];
  for (const day of new Set([...before.keys(), ...after.keys()])) {
    const a = after.get(day);
    const b = before.get(day);
    const change = {
      day,
      onHandDelta: (a?.onHandDelta ?? 0) - (b?.onHandDelta ?? 0),
      stockoutDelta: (a?.stockoutDelta ?? 0) - (b?.stockoutDelta ?? 0),
      trackedDelta: (a?.trackedDelta ?? 0) - (b?.trackedDelta ?? 0),
    };
    if (change.onHandDelta !== 0 || change.stockoutDelta !== 0 || change.trackedDelta !== 0)
      changes.push(change);
  }
  return changes.sort((x, y) => x.day.localeCompare(y.day));
}

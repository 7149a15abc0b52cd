import { percentiles, ratio } from './kpi-math.js';
import { tableOf, type KpiRow, type KpiTable } from './kpi-table.js';

/** What the KPIs need to know about one shipped order (its first shipment in the period). */
export interface OrderFact {
  orderId: number;
  /** Group key (warehouse id, customer id or `all`) and period bucket, set by the caller. */
  group: string;
  bucket: string;
  placedAt: string;
  firstShippedAt: string;
  shipments: number;
  /** Shipments with a promised date that have been delivered, and those delivered by it. */
  promisedDelivered: number;
  deliveredOnTime: number;
  lines: number;
  linesFilled: number;
  unitsOrdered: number;
  unitsShipped: number;
  revenueMinor: number;
  shortPicked: boolean;
  accuracyReturn: boolean;
  backordered: boolean;
}

/** A delivered shipment: hours from shipping to delivery. */
export interface DeliveryFact {
  group: string;
  bucket: string;
  hours: number;
}

const TOTAL = 'total';

/** Facts grouped by (group, bucket), plus each group's `total`. */
function cohorts<T extends { group: string; bucket: string }>(facts: readonly T[]) {
  const out = new Map<string, { group: string; period: string; facts: T[] }>();
  for (const f of facts) {
    for (const period of [f.bucket, TOTAL]) {
      const key = `${f.group}\u0000${period}`;
      const c = out.get(key) ?? { group: f.group, period, facts: [] };
      c.facts.push(f);
      out.set(key, c);
    }
  }
  return [...out.values()].sort(
    (a, b) =>
      a.group.localeCompare(b.group) ||
      (a.period === TOTAL ? 1 : 0) - (b.period === TOTAL ? 1 : 0) ||
      a.period.localeCompare(b.period),
  );
}

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;
const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/** Orders shipped without a short pick and with no wrong-item/wrong-quantity return. */
export function orderAccuracy(facts: readonly OrderFact[]): KpiTable {
  const rows = cohorts(facts).map(({ group, period, facts: fs }): KpiRow => {
    const errors = count(fs, (f) => f.shortPicked || f.accuracyReturn);
    return {
      group,
      period,
      shippedOrders: fs.length,
      shortPickOrders: count(fs, (f) => f.shortPicked),
      accuracyReturnOrders: count(fs, (f) => f.accuracyReturn),
      errorOrders: errors,
      orderAccuracy: ratio(fs.length - errors, fs.length),
    };
  });
  return tableOf('order-accuracy', columnsOf(ACCURACY_COLUMNS), rows);
}
const ACCURACY_COLUMNS = [
  'shippedOrders',
  'shortPickOrders',
  'accuracyReturnOrders',
  'errorOrders',
  'orderAccuracy',
];

/** Order-to-ship cycle time, ship-to-delivery time, on-time delivery and OTIF. */
export function deliveryTime(
  facts: readonly OrderFact[],
  deliveries: readonly DeliveryFact[],
): KpiTable {
  const delivered = new Map(cohorts(deliveries).map((c) => [`${c.group}\u0000${c.period}`, c]));
  // Each fact is in its bucket's cohort and in its group's total: parse its times once.
  const cycleHours = new Map(
    facts.map((f) => [f, (Date.parse(f.firstShippedAt) - Date.parse(f.placedAt)) / 3.6e6]),
  );
  const rows = cohorts(facts).map(({ group, period, facts: fs }): KpiRow => {
    const [cycleP50, cycleP90] = percentiles(
      fs.map((f) => cycleHours.get(f)!),
      [50, 90],
    );
    const transit = (delivered.get(`${group}\u0000${period}`)?.facts ?? []).map((d) => d.hours);
    const [transitP50, transitP90] = percentiles(transit, [50, 90]);
    const measured = fs.filter((f) => f.promisedDelivered === f.shipments);
    const otif = count(
      measured,
      (f) => f.deliveredOnTime === f.shipments && f.linesFilled === f.lines,
    );
    const promised = sum(fs, (f) => f.promisedDelivered);
    return {
      group,
      period,
      shippedOrders: fs.length,
      cycleP50Hours: cycleP50 ?? null,
      cycleP90Hours: cycleP90 ?? null,
      deliveredShipments: transit.length,
      transitP50Hours: transitP50 ?? null,
      transitP90Hours: transitP90 ?? null,
      promisedDelivered: promised,
      deliveredOnTime: sum(fs, (f) => f.deliveredOnTime),
      onTimeDelivery: ratio(
        sum(fs, (f) => f.deliveredOnTime),
        promised,
      ),
      otifMeasuredOrders: measured.length,
      otifOrders: otif,
      otif: ratio(otif, measured.length),
    };
  });
  return tableOf('delivery-time', columnsOf(DELIVERY_COLUMNS), rows);
}
const DELIVERY_COLUMNS = [
  'shippedOrders',
  'cycleP50Hours',
  'cycleP90Hours',
  'deliveredShipments',
  'transitP50Hours',
  'transitP90Hours',
  'promisedDelivered',
  'deliveredOnTime',
  'onTimeDelivery',
  'otifMeasuredOrders',
  'otifOrders',
  'otif',
];

/** Line, unit and order fill rates; an order is filled when complete on its first shipment. */
export function fillRate(facts: readonly OrderFact[]): KpiTable {
  const rows = cohorts(facts).map(({ group, period, facts: fs }): KpiRow => {
    const lines = sum(fs, (f) => f.lines);
    const linesFilled = sum(fs, (f) => f.linesFilled);
    const ordered = sum(fs, (f) => f.unitsOrdered);
    const shipped = sum(fs, (f) => Math.min(f.unitsShipped, f.unitsOrdered));
    const complete = count(fs, (f) => f.shipments === 1 && f.linesFilled === f.lines);
    return {
      group,
      period,
      lines,
      linesFilled,
      lineFillRate: ratio(linesFilled, lines),
      unitsOrdered: ordered,
      unitsShipped: shipped,
      unitFillRate: ratio(shipped, ordered),
      orders: fs.length,
      ordersCompleteFirstShipment: complete,
      orderFillRate: ratio(complete, fs.length),
    };
  });
  return tableOf('fill-rate', columnsOf(FILL_COLUMNS), rows);
}
const FILL_COLUMNS = [
  'lines',
  'linesFilled',
  'lineFillRate',
  'unitsOrdered',
  'unitsShipped',
  'unitFillRate',
  'orders',
  'ordersCompleteFirstShipment',
  'orderFillRate',
];

/** Shipped orders that went on backorder at some point before shipping in full. */
export function backorderRate(facts: readonly OrderFact[]): KpiTable {
  const rows = cohorts(facts).map(({ group, period, facts: fs }): KpiRow => {
    const backordered = count(fs, (f) => f.backordered);
    return {
      group,
      period,
      orders: fs.length,
      backorderedOrders: backordered,
      backorderRate: ratio(backordered, fs.length),
    };
  });
  return tableOf(
    'backorder-rate',
    columnsOf(['orders', 'backorderedOrders', 'backorderRate']),
    rows,
  );
}

function columnsOf(metrics: string[]): string[] {
  return ['group', 'period', ...metrics];
}

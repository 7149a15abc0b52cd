import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { dashboardSummary } from '../../../app/kpis/dashboard-summary.js';
import { businessToday } from '../../../app/warehouses/warehouse-time-zones.js';
import { STAFF } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';

const Count = Type.Integer({ minimum: 0 });

/** What `GET /dashboard` answers: counts over the whole database, never a page of a list. */
export const DashboardOut = Type.Object({
  today: Type.String({
    format: 'date',
    description: "The company's business day the figures are for (its first warehouse's time zone)",
  }),
  openOrders: Type.Integer({
    minimum: 0,
    description: 'Confirmed to partially shipped, on hold included',
  }),
  ordersInWaves: Type.Integer({ minimum: 0, description: 'Released or picked' }),
  backorderedLines: Count,
  backorderedUnits: Count,
  expiringLots: Type.Integer({
    minimum: 0,
    description: 'Lots on hand expiring within expiryDays',
  }),
  expiryDays: Count,
  stockOuts: Type.Integer({
    minimum: 0,
    description: 'Stocked active SKUs with nothing available',
  }),
  stockOutSkus: Type.Array(
    Type.Object({
      skuId: Type.Integer(),
      skuCode: Type.String(),
      skuName: Type.String(),
      available: Type.Integer(),
      allocated: Type.Integer(),
    }),
  ),
  days: Type.Array(
    Type.Object({
      day: Type.String({ format: 'date' }),
      orders: Count,
      valueMinor: Type.Record(Type.String(), Type.Integer(), {
        description: 'Order value by currency code, minor units',
      }),
    }),
  ),
});

/** The dashboard's figures as server-side aggregates (staff). */
export function registerDashboardRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/dashboard',
    {
      config: { roles: [...STAFF] },
      schema: {
        tags: ['kpis'],
        summary:
          'Dashboard figures: backlog, waves, backorders, expiring lots, stock-outs, 14 days of orders',
        response: { 200: DashboardOut },
      },
    },
    async () =>
      dashboardSummary(ctx.database.db, await businessToday(ctx.database.db, null, ctx.now())),
  );
}

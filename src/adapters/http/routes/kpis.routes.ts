import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../../app/context.js';
import type { KpiQuery } from '../../../app/kpis/kpi-query.js';
import { kpiReport } from '../../../app/kpis/kpi-report.js';
import { readKpiSettings, writeKpiSettings } from '../../../app/kpis/kpi-settings-store.js';
import { refreshKpiAggregates } from '../../../app/kpis/refresh-kpi-aggregates.js';
import { businessToday } from '../../../app/warehouses/warehouse-time-zones.js';
import {
  isOrderKpi,
  ORDER_KPIS,
  type KpiName,
  type KpiTable,
} from '../../../core/kpis/kpi-table.js';
import { STAFF, type Actor, type Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { sendProblem } from '../problem.js';
import { KpiParams, KpiQueryIn, KpiSettingsIn } from './kpis.schemas.js';
import { Shape, ShapeOrCsv } from '../response-shapes.js';
import { KpisOut, KpisSettingsOut, KpisSettingsPutOut, KpiOut } from './kpis-responses.schemas.js';

const tags = ['kpis'];
/** Staff read every KPI; a customer key reads the KPIs of its own orders only. */
const READERS: readonly Role[] = [...STAFF, 'customer'];
/** Reports see the ledger up to a minute ago: later movements may still be committing. */
const SETTLE_MS = 60_000;

type QueryIn = {
  from: string;
  to: string;
  period?: 'day' | 'week' | 'month';
  groupBy?: 'warehouse' | 'customer' | 'none';
  warehouseId?: number;
  customerId?: number;
  format?: 'csv';
};

/** KPIs over a day range: summaries and time series as tables; CSV export of any one table. */
export function registerKpiRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/kpis',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'Every KPI over [from, to): per group, per period bucket and in total',
        querystring: KpiQueryIn,
        response: { 200: Shape(KpisOut) },
      },
    },
    async (request, reply) => {
      const q = scoped(request.query, request.actor);
      if (!q) return forbidden(reply, 'a customer key reads only its own customer’s KPIs');
      const names = request.actor.role === 'customer' ? ORDER_KPIS : undefined;
      await refreshKpiAggregates(ctx, new Date(ctx.now().getTime() - SETTLE_MS));
      return kpiReport(ctx.database.db, q, await today(ctx, q.warehouseId), names);
    },
  );

  api.get(
    '/kpis/settings',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Carrying rates, dead-stock and expiry windows, count tolerance',
        response: { 200: Shape(KpisSettingsOut) },
      },
    },
    async () => readKpiSettings(ctx.database.db),
  );

  api.put(
    '/kpis/settings',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'Change KPI settings (only those given)',
        body: KpiSettingsIn,
        response: { 200: Shape(KpisSettingsPutOut) },
      },
    },
    async (request) => ctx.database.write((trx) => writeKpiSettings(trx, request.body)),
  );

  api.get(
    '/kpis/:name',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'One KPI table; `?format=csv` or `Accept: text/csv` for CSV',
        params: KpiParams,
        querystring: KpiQueryIn,
        response: { 200: ShapeOrCsv(KpiOut) },
      },
    },
    async (request, reply) => {
      const name = request.params.name as KpiName;
      const q = scoped(request.query, request.actor);
      if (!q || (request.actor.role === 'customer' && !isOrderKpi(name)))
        return forbidden(
          reply,
          'a customer key reads only delivery, fill, accuracy and backorder KPIs of its own orders',
        );
      await refreshKpiAggregates(ctx, new Date(ctx.now().getTime() - SETTLE_MS));
      const report = await kpiReport(ctx.database.db, q, await today(ctx, q.warehouseId), [name]);
      const table = report.kpis[0]!;
      const csv = request.query.format === 'csv' || /text\/csv/.test(request.headers.accept ?? '');
      if (csv)
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}_${q.from}_${q.to}.csv"`)
          .send(toCsv(table));
      return { query: report.query, throughMovementId: report.throughMovementId, ...table };
    },
  );
}

/** The query with defaults, narrowed to the customer's own account for a customer key. */
function scoped(query: QueryIn, actor: Actor): KpiQuery | undefined {
  const q: KpiQuery = {
    from: query.from,
    to: query.to,
    period: query.period ?? 'month',
    groupBy: query.groupBy ?? 'none',
    warehouseId: query.warehouseId,
    customerId: query.customerId,
  };
  if (actor.role !== 'customer') return q;
  if (q.customerId !== undefined && q.customerId !== actor.customerId) return undefined;
  return { ...q, customerId: actor.customerId ?? -1 };
}

function forbidden(reply: FastifyReply, why: string) {
  return sendProblem(reply, { code: 'AUTH.FORBIDDEN', message: `Forbidden: ${why}` });
}

/** Today at the report's warehouse (the company's for a report over all of them). */
function today(ctx: AppContext, warehouseId: number | undefined): Promise<string> {
  return businessToday(ctx.database.db, warehouseId ?? null, ctx.now());
}

/** The table's columns as the header, one line per row; nulls are empty cells. */
export function toCsv(table: KpiTable): string {
  return stringify(
    table.rows.map((r) => table.columns.map((c) => r[c] ?? '')),
    { header: true, columns: table.columns },
  );
}

import type { AppContext } from '../../../app/context.js';
import {
  approveSuggestions,
  dismissSuggestion,
} from '../../../app/planning/approve-suggestions.js';
import { queryDemand } from '../../../app/planning/demand-queries.js';
import { startReplenishmentRun } from '../../../app/planning/replenishment-run.js';
import { skuPlanningView, updateSkuPlanning } from '../../../app/planning/sku-planning.js';
import { getRun, listSuggestions } from '../../../app/planning/suggestion-queries.js';
import { getWarehouse } from '../../../app/warehouses/warehouse-queries.js';
import { businessToday } from '../../../app/warehouses/warehouse-time-zones.js';
import { STAFF, type Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { sendProblem } from '../problem.js';
import {
  ApproveIn,
  DemandQuery,
  RunIn,
  RunParams,
  SkuPlanningIn,
  SkuPlanningParams,
  SkuPlanningQuery,
  SkuWarehouseParams,
  SuggestionParams,
  SuggestionQuery,
} from './planning.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  PlanningDemandOut,
  PlanningRunOut,
  PlanningSuggestionsOut,
  PlanningSuggestionsApproveOut,
  PlanningSuggestionDismissOut,
  PlanningSkuWarehousePutOut,
  PlanningRunStartedOut,
  PlanningSkuOut,
} from './planning-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['planning'];
/** Who may start runs, approve suggestions and change planning settings. */
const PLANNERS: readonly Role[] = ['admin', 'manager', 'planner'];

/** Demand history, replenishment runs and their suggestions, per-SKU planning. */
export function registerPlanningRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  api.get(
    '/planning/demand',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Daily or ISO-weekly demand of a SKU, with censored (stocked-out) flags',
        querystring: DemandQuery,
        response: { 200: Shape(PlanningDemandOut) },
      },
    },
    async (request, reply) => {
      const period = request.query.period ?? 'day';
      const demand = await queryDemand(ctx.database.db, { ...request.query, period });
      return demand.ok ? demand.value : sendProblem(reply, demand.error);
    },
  );

  api.post(
    '/planning/runs',
    {
      config: { roles: PLANNERS },
      schema: {
        tags,
        summary: 'Start a replenishment run in the background (409 while one runs)',
        body: RunIn,
        response: { 202: Shape(PlanningRunStartedOut) },
      },
    },
    async (request, reply) => {
      const warehouseId = request.body?.warehouseId ?? null;
      // Checked before the run row exists: its foreign key would otherwise refuse it (a 500).
      if (warehouseId !== null) {
        const warehouse = await getWarehouse(ctx.database.db, warehouseId);
        if (!warehouse.ok) return sendProblem(reply, warehouse.error);
      }
      const start = await startReplenishmentRun(ctx, {
        trigger: 'manual',
        warehouseId,
        actor: request.actor.id,
      });
      if (start.status === 'started')
        return reply.code(202).send({ id: start.runId, status: 'running' });
      // 409 by its code's suffix; the running run's id tells whom to wait for.
      return sendProblem(reply, {
        code: 'PLANNING.RUN_IN_PROGRESS',
        message: 'A replenishment run is in progress',
        details: { runId: start.status === 'busy' ? start.runningRunId : null },
      });
    },
  );

  api.get(
    '/planning/runs/:id',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'A run: status and progress',
        params: RunParams,
        response: { 200: Shape(PlanningRunOut) },
      },
    },
    async (request, reply) => {
      const result = await getRun(ctx.database.db, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/planning/suggestions',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Suggestions grouped by supplier × warehouse, with supplier minimums',
        querystring: SuggestionQuery,
        response: { 200: Shape(PlanningSuggestionsOut) },
      },
    },
    async (request) => listSuggestions(ctx.database.db, request.query),
  );

  write.post('/planning/suggestions/approve', {
    roles: PLANNERS,
    status: 201,
    schema: {
      tags,
      summary: 'Approve suggestions into draft POs, one per supplier × warehouse',
      body: ApproveIn,
      response: { 201: Shape(PlanningSuggestionsApproveOut) },
    },
    run: (trx, request) =>
      approveSuggestions(trx, request.body, request.actor.id, ctx.now().toISOString()),
  });

  write.post('/planning/suggestions/:id/dismiss', {
    roles: PLANNERS,
    schema: {
      tags,
      summary: 'Dismiss an open suggestion',
      params: SuggestionParams,
      response: { 200: Shape(PlanningSuggestionDismissOut) },
    },
    run: (trx, request) =>
      dismissSuggestion(trx, request.params.id, request.actor.id, ctx.now().toISOString()),
  });

  api.get(
    '/planning/skus/:skuId',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'A SKU in a warehouse: weekly history, forecast with interval, policy levels',
        params: SkuPlanningParams,
        querystring: SkuPlanningQuery,
        response: { 200: Shape(PlanningSkuOut) },
      },
    },
    async (request, reply) => {
      const result = await skuPlanningView(
        ctx.database.db,
        request.params.skuId,
        request.query.warehouseId,
        await businessToday(ctx.database.db, request.query.warehouseId, ctx.now()),
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  write.put('/planning/skus/:skuId/warehouses/:warehouseId', {
    roles: PLANNERS,
    schema: {
      tags,
      summary: 'Planner settings: service level, ABC pin, preferred supplier, EOQ, review days',
      params: SkuWarehouseParams,
      body: SkuPlanningIn,
      response: { 200: Shape(PlanningSkuWarehousePutOut) },
    },
    run: (trx, request) =>
      updateSkuPlanning(
        trx,
        request.params.skuId,
        request.params.warehouseId,
        request.body,
        ctx.now().toISOString(),
      ),
  });
}

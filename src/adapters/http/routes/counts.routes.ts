import type { AppContext } from '../../../app/context.js';
import { createAdhocCount } from '../../../app/counts/adhoc-count.js';
import { approveCount, rejectCount } from '../../../app/counts/approve-count.js';
import { cancelCount } from '../../../app/counts/cancel-count.js';
import {
  createCountPlan,
  listCountPlans,
  loadPlan,
  planView,
  retireCountPlan,
  updateCountPlan,
} from '../../../app/counts/count-plans.js';
import { getCountTask, listCountTasks } from '../../../app/counts/count-queries.js';
import { generateForPlan } from '../../../app/counts/generate-count-tasks.js';
import { startCount } from '../../../app/counts/start-count.js';
import { submitCount } from '../../../app/counts/submit-count.js';
import { fillBackorders } from '../../../app/orders/fill-backorders.js';
import { run } from '../../db/database.js';
import type { Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  AdhocCountIn,
  CountPlanIn,
  CountPlanPatch,
  CountPlanQuery,
  CountSubmissionIn,
  CountTaskDetailQuery,
  CountTaskQuery,
  IdParams,
} from './counts.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  CountPlansOut,
  CountPlans2Out,
  CountPlanOut,
  CountPlanPatchOut,
  CountPlanDeleteOut,
  CountPlanGenerateOut,
  CountTasksOut,
  CountTasks2Out,
  CountTaskOut,
  CountTaskStartOut,
  CountTaskSubmitOut,
  CountTaskApproveOut,
  CountTaskRejectOut,
  CountTaskCancelOut,
} from './counts-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['counts'];
/** Plans, approvals and rejections: the people who answer for inventory accuracy. */
const SUPERVISORS: readonly Role[] = ['admin', 'manager'];
/** Counters and their supervisors: who may see tasks, start and submit counts, ask for one. */
const COUNTERS: readonly Role[] = ['admin', 'manager', 'warehouse'];

/** Cycle counting: plans, the daily generator, blind counts, recounts and approval. */
export function registerCountRoutes(api: Api, ctx: AppContext) {
  registerPlanRoutes(api, ctx);
  registerTaskRoutes(api, ctx);
  registerDecisionRoutes(api, ctx);
}

function registerPlanRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/count-plans', {
    roles: SUPERVISORS,
    status: 201,
    schema: {
      tags,
      summary: 'A cycle count plan: an ABC class or a zone, every N days',
      body: CountPlanIn,
      response: { 201: Shape(CountPlansOut) },
    },
    run: (trx, request) => createCountPlan(trx, request.body, ctx.now()),
  });

  api.get(
    '/count-plans',
    {
      config: { roles: SUPERVISORS },
      schema: {
        tags,
        summary: 'Cycle count plans',
        querystring: CountPlanQuery,
        response: { 200: Shape(CountPlans2Out) },
      },
    },
    async (request) => ({
      items: await listCountPlans(ctx.database.db, request.query.warehouseId),
    }),
  );

  api.get(
    '/count-plans/:id',
    {
      config: { roles: SUPERVISORS },
      schema: {
        tags,
        summary: 'One plan',
        params: IdParams,
        response: { 200: Shape(CountPlanOut) },
      },
    },
    async (request, reply) => {
      const result = await run(ctx.database, async (trx) =>
        planView(await loadPlan(trx, request.params.id)),
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.patch(
    '/count-plans/:id',
    {
      config: { roles: SUPERVISORS },
      schema: {
        tags,
        summary: 'Change a plan (scope, frequency, thresholds, active)',
        params: IdParams,
        body: CountPlanPatch,
        response: { 200: Shape(CountPlanPatchOut) },
      },
    },
    async (request, reply) => {
      const result = await run(ctx.database, (trx) =>
        updateCountPlan(trx, request.params.id, request.body),
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.delete(
    '/count-plans/:id',
    {
      config: { roles: SUPERVISORS },
      schema: {
        tags,
        summary: 'Retire a plan (kept for the history of its counts)',
        params: IdParams,
        response: { 200: Shape(CountPlanDeleteOut) },
      },
    },
    async (request, reply) => {
      const result = await run(ctx.database, (trx) => retireCountPlan(trx, request.params.id));
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  write.post('/count-plans/:id/generate', {
    roles: SUPERVISORS,
    schema: {
      tags,
      summary: "Generate the plan's count tasks due today now (once a day)",
      params: IdParams,
      response: { 200: Shape(CountPlanGenerateOut) },
    },
    run: async (trx, request) => {
      const now = ctx.now();
      await loadPlan(trx, request.params.id);
      // Today at the plan's warehouse.
      return generateForPlan(trx, request.params.id, { now }, now.toISOString());
    },
  });
}

function registerTaskRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  api.get(
    '/count-tasks',
    {
      config: { roles: COUNTERS },
      schema: {
        tags,
        summary: 'Count tasks, newest first (no quantities)',
        querystring: CountTaskQuery,
        response: { 200: Shape(CountTasksOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      const rows = await listCountTasks(ctx.database.db, {
        ...filter,
        beforeId: decodeCursor(cursor),
        limit,
      });
      return pageOf(rows, limit);
    },
  );

  write.post('/count-tasks', {
    roles: COUNTERS,
    status: 201,
    schema: {
      tags,
      summary: 'Ask for a count of a location (ad hoc)',
      body: AdhocCountIn,
      response: { 201: Shape(CountTasks2Out) },
    },
    run: (trx, request) => createAdhocCount(trx, request.body, request.actor, ctx.now()),
  });

  api.get(
    '/count-tasks/:id',
    {
      config: { roles: COUNTERS },
      schema: {
        tags,
        summary:
          'A count task: blind for counters (no system quantities), with figures for managers',
        params: IdParams,
        querystring: CountTaskDetailQuery,
        response: { 200: Shape(CountTaskOut) },
      },
    },
    async (request, reply) => {
      const result = await getCountTask(ctx.database.db, request.params.id, {
        role: request.actor.role,
        showExpected: request.query.expected ?? true,
      });
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  write.post('/count-tasks/:id/start', {
    roles: COUNTERS,
    schema: {
      tags,
      summary: 'Start counting at the bin (movements after this are accounted for)',
      params: IdParams,
      response: { 200: Shape(CountTaskStartOut) },
    },
    run: (trx, request) => startCount(trx, request.params.id, request.actor, ctx.now()),
  });

  write.post('/count-tasks/:id/submit', {
    roles: COUNTERS,
    schema: {
      tags,
      summary: 'Send what was counted (scans or SKU, lot and quantity)',
      params: IdParams,
      body: CountSubmissionIn,
      response: { 200: Shape(CountTaskSubmitOut) },
    },
    run: (trx, request) =>
      submitCount(trx, request.params.id, request.body, request.actor, ctx.now()),
  });
}

function registerDecisionRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/count-tasks/:id/approve', {
    roles: SUPERVISORS,
    schema: {
      tags,
      summary: 'Post the variances as count adjustments',
      params: IdParams,
      response: { 200: Shape(CountTaskApproveOut) },
    },
    run: (trx, request) => approveCount(trx, request.params.id, request.actor, ctx.now()),
    afterCommit: (result) =>
      fillBackorders(ctx.database, result.foundSkuIds, ctx.policies.allocation, ctx.now),
  });

  write.post('/count-tasks/:id/reject', {
    roles: SUPERVISORS,
    schema: {
      tags,
      summary: 'Refuse the figures: a new blind count of the bin',
      params: IdParams,
      response: { 200: Shape(CountTaskRejectOut) },
    },
    run: (trx, request) => rejectCount(trx, request.params.id, request.actor, ctx.now()),
  });

  write.post('/count-tasks/:id/cancel', {
    roles: SUPERVISORS,
    schema: {
      tags,
      summary: 'Withdraw an open task (nothing was posted)',
      params: IdParams,
      response: { 200: Shape(CountTaskCancelOut) },
    },
    run: (trx, request) => cancelCount(trx, request.params.id, request.actor, ctx.now()),
  });
}

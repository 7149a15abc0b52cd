import type { AppContext } from '../../../app/context.js';
import { confirmPick } from '../../../app/fulfillment/picking/confirm-pick.js';
import { shortPick } from '../../../app/fulfillment/picking/short-pick.js';
import { getPickList, type PickList } from '../../../app/fulfillment/waves/pick-list.js';
import { planWave } from '../../../app/fulfillment/waves/plan-wave.js';
import type { Role } from '../../../core/shared/roles.js';
import { renderPickListPdf } from '../../labels/pick-list-pdf.js';
import type { PickListData } from '../../labels/label.types.js';
import type { Api } from '../api.js';
import { sendProblem } from '../problem.js';
import { IdParams, PickConfirmIn, ShortPickIn, WaveIn } from './waves.schemas.js';
import { FileOut, Shape } from '../response-shapes.js';
import {
  WavesOut,
  WavePickListOut,
  PickTaskConfirmOut,
  PickTaskShortOut,
} from './waves-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['picking'];
const PICKERS: readonly Role[] = ['warehouse', 'manager', 'admin'];

/** Waves, pick lists and picking by scan (with short picks). */
export function registerWaveRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/waves', {
    roles: PICKERS,
    status: 201,
    schema: {
      tags,
      summary: 'Plan and release the next wave of a warehouse, with its pick tasks',
      body: WaveIn,
      response: { 201: Shape(WavesOut) },
    },
    run: (trx, request) => planWave(trx, request.body, request.actor, ctx.now()),
  });

  api.get(
    '/waves/:id/pick-list',
    {
      config: { roles: PICKERS },
      schema: {
        tags,
        summary: 'A wave’s pick list in walking order',
        params: IdParams,
        response: { 200: Shape(WavePickListOut) },
      },
    },
    async (request, reply) => {
      const result = await getPickList(ctx.database.db, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/waves/:id/pick-list.pdf',
    {
      config: { roles: PICKERS },
      schema: {
        tags,
        summary: 'The printed pick list (PDF, Letter)',
        params: IdParams,
        response: { 200: FileOut('The pick list', 'application/pdf') },
      },
    },
    async (request, reply) => {
      const result = await getPickList(ctx.database.db, request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      const pdf = await renderPickListPdf(pickListPrint(result.value, ctx.now()));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="wave-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  write.post('/pick-tasks/:id/confirm', {
    roles: PICKERS,
    schema: {
      tags,
      summary: 'Confirm a pick by scanning the bin and the item (GTIN or GS1-128 with lot)',
      params: IdParams,
      body: PickConfirmIn,
      response: { 200: Shape(PickTaskConfirmOut) },
    },
    run: (trx, request) =>
      confirmPick(trx, request.params.id, request.body, request.actor, ctx.now()),
  });

  write.post('/pick-tasks/:id/short', {
    roles: PICKERS,
    schema: {
      tags,
      summary: 'Report units not found: count task, re-allocation from other bins or backorder',
      params: IdParams,
      body: ShortPickIn,
      response: { 200: Shape(PickTaskShortOut) },
    },
    run: (trx, request) =>
      shortPick(
        trx,
        request.params.id,
        request.body,
        request.actor,
        ctx.policies.allocation,
        ctx.now(),
      ),
  });
}

/** The pick list as the PDF renderer takes it: open work only, quantities still to pick. */
function pickListPrint(list: PickList, now: Date): PickListData {
  return {
    waveCode: `W${list.wave.id}`,
    warehouseName: list.wave.warehouseName,
    printedAt: now.toISOString(),
    lines: list.tasks
      .filter((t) => t.status === 'open')
      .map((t) => ({
        sequence: t.sequence,
        locationCode: t.location.code,
        skuCode: t.sku.code,
        skuName: t.sku.name,
        ...(t.lot ? { lot: t.lot.code } : {}),
        ...(t.lot?.expiryDate ? { expiryDate: t.lot.expiryDate } : {}),
        quantity: t.remaining,
        caseSize: t.caseQuantity ?? 1,
        ...(t.tote ? { tote: t.tote } : {}),
        ...(t.orders.length === 1 ? { orderNumber: String(t.orders[0]!.orderId) } : {}),
      })),
  };
}

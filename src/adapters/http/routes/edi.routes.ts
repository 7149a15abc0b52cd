import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { buildAsn } from '../../../app/edi/build-asn.js';
import { buildInvoice } from '../../../app/edi/build-invoice.js';
import { reprocessInterchange } from '../../../app/edi/edi-queue.js';
import { interchangeView, listInterchanges } from '../../../app/edi/interchange-views.js';
import {
  addXref,
  createPartner,
  deleteXref,
  listXref,
  loadPartner,
  partnerView,
} from '../../../app/edi/partners.js';
import { receiveInterchange } from '../../../app/edi/receive-interchange.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  IdParams,
  InterchangeIn,
  InterchangeQuery,
  PartnerIn,
  XrefIn,
  XrefParams,
} from './edi.schemas.js';
import { FileOut, Shape } from '../response-shapes.js';
import {
  EdiInterchangesOut,
  EdiInterchangeOut,
  EdiInterchangeReprocessOut,
  EdiPartnersOut,
  EdiPartners2Out,
  EdiPartnerOut,
  EdiPartnerItemsOut,
  EdiPartnerItems2Out,
  EdiPartnerItemDeleteOut,
} from './edi-responses.schemas.js';

const tags = ['edi'];
/** Who sends and reads EDI documents; partner set-up is master data (admin, manager). */
const EDI_USERS: readonly Role[] = ['admin', 'manager', 'sales', 'warehouse'];
const PARTNER_ADMINS: readonly Role[] = ['admin', 'manager'];

/** Expected failures from use cases that run several transactions of their own. */
async function attempt<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FailureError) {
      await sendProblem(reply, error.failure);
      return undefined;
    }
    throw error;
  }
}

/** EDI X12: inbound interchanges (850 → orders, 997/855 back), ASN 856 and invoice 810 out, partners. */
export function registerEdiRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/edi/interchanges',
    {
      config: { roles: EDI_USERS },
      // Interchanges of a few thousand PO lines pass Fastify's 1 MiB default.
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Receive an X12 interchange (text/plain, or JSON {x12}); returns it with its 997 and 855s',
        description:
          'The ISA control number is the idempotency key: a re-sent interchange is stored as a duplicate and never ordered twice.',
        body: InterchangeIn,
        response: {
          200: Shape(EdiInterchangeOut),
          201: Shape(EdiInterchangeOut),
          422: {
            description: 'Stored but refused (its 997 says why), or a problem',
            content: {
              'application/json': { schema: Shape(EdiInterchangeOut) },
              'application/problem+json': { schema: { $ref: 'Problem#' } },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const body: unknown = request.body;
      const raw = typeof body === 'string' ? body : (body as { x12?: unknown } | null)?.x12;
      // Ajv's array coercion can pass a one-element array (`[{"x12": …}]`) against the
      // union: the handler still gets the array, so the text is checked here once more.
      if (typeof raw !== 'string')
        return sendProblem(reply, {
          code: 'REQUEST.INVALID',
          message: 'Send the X12 text (text/plain) or JSON {"x12": "ISA*…"}',
        });
      const received = await receiveInterchange(ctx, raw, `api:${request.actor.id}`);
      const status =
        received.status === 'duplicate' ? 200 : received.status === 'error' ? 422 : 201;
      return reply.code(status).send(received);
    },
  );

  api.get(
    '/edi/interchanges',
    {
      config: { roles: EDI_USERS },
      schema: {
        tags,
        summary: 'Interchanges newest first; status=error is the error queue',
        querystring: InterchangeQuery,
        response: { 200: Shape(EdiInterchangesOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      const rows = await listInterchanges(ctx.database.db, {
        ...filter,
        beforeId: decodeCursor(cursor),
        limit,
      });
      return pageOf(rows, limit);
    },
  );

  api.get(
    '/edi/interchanges/:id',
    {
      config: { roles: EDI_USERS },
      schema: {
        tags,
        summary: 'One interchange with its raw text and acknowledgments',
        params: IdParams,
        response: { 200: Shape(EdiInterchangeOut) },
      },
    },
    (request, reply) => attempt(reply, () => interchangeView(ctx.database.db, request.params.id)),
  );

  api.post(
    '/edi/interchanges/:id/reprocess',
    {
      config: { roles: PARTNER_ADMINS },
      schema: {
        tags,
        summary: 'Run an interchange from the error queue again',
        params: IdParams,
        response: { 200: Shape(EdiInterchangeReprocessOut) },
      },
    },
    (request, reply) => attempt(reply, () => reprocessInterchange(ctx, request.params.id)),
  );

  api.get(
    '/shipments/:id/asn',
    {
      config: { roles: EDI_USERS },
      schema: {
        tags,
        summary: 'The 856 ship notice of a shipment (built once, then the same)',
        params: IdParams,
        response: { 200: FileOut('The X12 856', 'text/plain') },
      },
    },
    async (request, reply) => {
      const doc = await attempt(reply, () => buildAsn(ctx, request.params.id));
      if (doc)
        return reply
          .type('text/plain')
          .header('x-edi-interchange', String(doc.interchangeId))
          .send(doc.raw);
    },
  );

  api.get(
    '/invoices/:id/edi',
    {
      config: { roles: EDI_USERS },
      schema: {
        tags,
        summary: 'The 810 of an invoice (built once, then the same)',
        params: IdParams,
        response: { 200: FileOut('The X12 810', 'text/plain') },
      },
    },
    async (request, reply) => {
      const doc = await attempt(reply, () => buildInvoice(ctx, request.params.id));
      if (doc)
        return reply
          .type('text/plain')
          .header('x-edi-interchange', String(doc.interchangeId))
          .send(doc.raw);
    },
  );

  registerPartnerRoutes(api, ctx);
}

function registerPartnerRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/edi/partners',
    {
      config: { roles: PARTNER_ADMINS },
      schema: {
        tags,
        summary: 'Set up a trading partner',
        body: PartnerIn,
        response: { 201: Shape(EdiPartnersOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        createPartner(trx, request.body, ctx.now()),
      ),
  );

  api.get(
    '/edi/partners',
    {
      config: { roles: PARTNER_ADMINS },
      schema: { tags, summary: 'Trading partners', response: { 200: Shape(EdiPartners2Out) } },
    },
    async () => {
      const rows = await ctx.database.db
        .selectFrom('trading_partners')
        .selectAll()
        .orderBy('id')
        .execute();
      return { items: rows.map(partnerView) };
    },
  );

  api.get(
    '/edi/partners/:id',
    {
      config: { roles: PARTNER_ADMINS },
      schema: {
        tags,
        summary: 'One trading partner',
        params: IdParams,
        response: { 200: Shape(EdiPartnerOut) },
      },
    },
    (request, reply) =>
      attempt(reply, async () =>
        partnerView(await loadPartner(ctx.database.db, request.params.id)),
      ),
  );

  api.get(
    '/edi/partners/:id/items',
    {
      config: { roles: PARTNER_ADMINS },
      schema: {
        tags,
        summary: "A partner's item cross-reference",
        params: IdParams,
        response: { 200: Shape(EdiPartnerItemsOut) },
      },
    },
    async (request) => ({ items: await listXref(ctx.database.db, request.params.id) }),
  );

  api.post(
    '/edi/partners/:id/items',
    {
      config: { roles: PARTNER_ADMINS },
      schema: {
        tags,
        summary: 'Map a partner item number to a SKU and pack level',
        params: IdParams,
        body: XrefIn,
        response: { 201: Shape(EdiPartnerItems2Out) },
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        addXref(trx, request.params.id, request.body, ctx.now()),
      ),
  );

  api.delete(
    '/edi/partners/:id/items/:xrefId',
    {
      config: { roles: PARTNER_ADMINS },
      schema: {
        tags,
        summary: 'Remove a cross-reference entry',
        params: XrefParams,
        response: { 200: Shape(EdiPartnerItemDeleteOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, async (trx) => {
        await deleteXref(trx, request.params.id, request.params.xrefId);
        return { deleted: request.params.xrefId };
      }),
  );
}

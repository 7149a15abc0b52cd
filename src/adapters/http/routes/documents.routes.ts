import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { listInvoices, listShipmentsOf } from '../../../app/customers/customer-documents.js';
import { STAFF, type Actor, type Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../pagination.js';

const READERS: readonly Role[] = [...STAFF, 'customer'];
const Query = Type.Object(
  { customerId: Type.Optional(Type.Integer({ minimum: 1 })), ...PageQuery },
  { additionalProperties: false },
);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const InvoiceOut = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  orderId: Type.Union([Type.Integer(), Type.Null()]),
  currency: Type.String(),
  totalMinor: Type.Integer(),
  paidMinor: Type.Integer(),
  openMinor: Type.Integer({ description: 'Still owed, minor units' }),
  status: Type.String(),
  issuedAt: Type.String({ format: 'date-time' }),
  dueDate: Type.String({ format: 'date' }),
});

const ShipmentListOut = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  customerId: Type.Integer(),
  carrierCode: Type.String(),
  service: Type.String(),
  trackingNumbers: Type.Array(Type.String()),
  status: Type.String(),
  shippedAt: Type.String({ format: 'date-time' }),
  promisedDate: Nullable(Type.String({ format: 'date' })),
  deliveredAt: Nullable(Type.String({ format: 'date-time' })),
});

/** The list's filter; a customer key reads only its own account's rows, whatever it asks. */
function filterOf(actor: Actor, query: { limit?: number; cursor?: string; customerId?: number }) {
  return {
    customerId: actor.role === 'customer' ? (actor.customerId ?? 0) : query.customerId,
    beforeId: decodeCursor(query.cursor),
    limit: query.limit ?? 50,
  };
}

/**
 * Lists across orders of one customer (or all, for staff): invoices and shipments with
 * tracking, newest first — what a customer's landing page shows beside orders and backorders.
 */
export function registerDocumentRoutes(api: Api, ctx: AppContext) {
  const db = ctx.database.db;
  api.get(
    '/invoices',
    {
      config: { roles: READERS },
      schema: {
        tags: ['customers'],
        summary: 'Invoices, newest first (a customer key sees only its own)',
        querystring: Query,
        response: { 200: Page(InvoiceOut) },
      },
    },
    async (request) => {
      const filter = filterOf(request.actor, request.query);
      return pageOf(await listInvoices(db, filter), filter.limit);
    },
  );
  api.get(
    '/shipments',
    {
      config: { roles: READERS },
      schema: {
        tags: ['shipping'],
        summary: 'Shipments with tracking, newest first (a customer key sees only its own)',
        querystring: Query,
        response: { 200: Page(ShipmentListOut) },
      },
    },
    async (request) => {
      const filter = filterOf(request.actor, request.query);
      return pageOf(await listShipmentsOf(db, filter), filter.limit);
    },
  );
}

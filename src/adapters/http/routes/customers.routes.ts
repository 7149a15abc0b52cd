import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { createCustomer } from '../../../app/customers/create-customer.js';
import { creditExposure } from '../../../app/customers/credit-exposure.js';
import { placeHold, releaseHold } from '../../../app/customers/customer-hold.js';
import { getCustomer, listCustomers } from '../../../app/customers/customer-queries.js';
import { addShipTo, updateShipTo } from '../../../app/customers/ship-tos.js';
import { setSkuShelfLifeRule } from '../../../app/customers/sku-rules.js';
import { updateCustomer } from '../../../app/customers/update-customer.js';
import type { Failure } from '../../../core/shared/result.js';
import { STAFF, type Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { Page, decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  CreditOut,
  CustomerIn,
  CustomerOut,
  CustomerPatch,
  CustomerQuery,
  HoldIn,
  IdParams,
  ShipToIn,
  ShipToOut,
  ShipToParams,
  ShipToPatch,
  SkuRuleIn,
  SkuRuleOut,
  SkuRuleParams,
} from './customers.schemas.js';

const tags = ['customers'];
/** Staff read every account; a customer's own key reads only its own. */
const read = { roles: [...STAFF, 'customer'] as Role[] };
/** Accounts are opened and maintained by sales and management, not by the warehouse floor. */
const write = { roles: ['admin', 'manager', 'sales'] as Role[] };
/** Credit is a manager's decision: the limit and lifting an account hold (placing one is not). */
const CREDIT_ROLES: readonly Role[] = ['admin', 'manager'];
const credit = { roles: [...CREDIT_ROLES] };

/** Customer accounts: terms, credit, hold, ship-tos and per-SKU shelf-life rules. */
export function registerCustomerRoutes(api: Api, ctx: AppContext) {
  const db = ctx.database.db;
  /** A credit limit sent by a role that may not set one, and different from the one held. */
  const changesCreditLimit = async (
    id: number,
    limit: number | null | undefined,
    request: FastifyRequest,
  ) => {
    if (limit === undefined || CREDIT_ROLES.includes(request.actor.role)) return false;
    const row = await db
      .selectFrom('customers')
      .select('credit_limit_minor')
      .where('id', '=', id)
      .executeTakeFirst();
    // The web form sends the limit it shows with every edit: only a change is refused.
    const held = row?.credit_limit_minor;
    return row !== undefined && (held === null ? null : Number(held)) !== limit;
  };

  api.get(
    '/customers',
    {
      config: read,
      schema: {
        tags,
        summary: 'List customer accounts (a customer key sees only its own)',
        querystring: CustomerQuery,
        response: { 200: Page(CustomerOut) },
      },
    },
    async (request, reply) => {
      const afterId = decodeCursor(request.query.cursor);
      if (request.query.cursor && afterId === undefined) {
        return sendProblem(reply, {
          code: 'REQUEST.INVALID',
          message: 'The cursor is not one this API gave out',
        });
      }
      const limit = request.query.limit ?? 50;
      const { search, onHold, active } = request.query;
      const own = ownCustomerId(request);
      const filter = { search, onHold, active, ...(own === undefined ? {} : { customerId: own }) };
      return pageOf(await listCustomers(db, filter, { limit, afterId }), limit);
    },
  );

  api.post(
    '/customers',
    {
      config: write,
      schema: {
        tags,
        summary: 'Open a customer account with its ship-tos',
        body: CustomerIn,
        response: { 201: CustomerOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        createCustomer(trx, request.body, ctx.now()),
      ),
  );

  api.get(
    '/customers/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a customer account',
        params: IdParams,
        response: { 200: CustomerOut },
      },
    },
    async (request, reply) => {
      if (!mayRead(request, request.params.id))
        return sendProblem(reply, notFound(request.params.id));
      const result = await getCustomer(db, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.patch(
    '/customers/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an account’s details, terms, limits or service preferences',
        params: IdParams,
        body: CustomerPatch,
        response: { 200: CustomerOut },
      },
    },
    async (request, reply) => {
      if (await changesCreditLimit(request.params.id, request.body.creditLimitMinor, request))
        return sendProblem(reply, {
          code: 'AUTH.FORBIDDEN',
          message: `Role "${request.actor.role}" may not change a credit limit`,
          details: { field: 'creditLimitMinor', allowedRoles: CREDIT_ROLES },
        });
      return idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        updateCustomer(trx, request.params.id, request.body, ctx.now()),
      );
    },
  );

  api.post(
    '/customers/:id/hold',
    {
      config: write,
      schema: {
        tags,
        summary: 'Put an account on hold, with a reason',
        params: IdParams,
        body: HoldIn,
        response: { 200: CustomerOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        placeHold(trx, request.params.id, request.body.reason, request.actor.id, ctx.now()),
      ),
  );

  api.post(
    '/customers/:id/release-hold',
    {
      config: credit,
      schema: {
        tags,
        summary: 'Release an account’s hold',
        params: IdParams,
        response: { 200: CustomerOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        releaseHold(trx, request.params.id, request.actor.id, ctx.now()),
      ),
  );

  api.get(
    '/customers/:id/credit',
    {
      config: read,
      schema: {
        tags,
        summary: 'Credit exposure: open orders, unpaid invoices, limit and what is left',
        params: IdParams,
        response: { 200: CreditOut },
      },
    },
    async (request, reply) => {
      if (!mayRead(request, request.params.id))
        return sendProblem(reply, notFound(request.params.id));
      const exposure = await creditExposure(db, request.params.id);
      return exposure ?? sendProblem(reply, notFound(request.params.id));
    },
  );

  api.post(
    '/customers/:id/ship-tos',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a ship-to address to an account',
        params: IdParams,
        body: ShipToIn,
        response: { 201: ShipToOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        addShipTo(trx, request.params.id, request.body, ctx.now()),
      ),
  );

  api.patch(
    '/customers/:id/ship-tos/:shipToId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a ship-to’s name or address, or make it the default',
        params: ShipToParams,
        body: ShipToPatch,
        response: { 200: ShipToOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        updateShipTo(trx, request.params.id, request.params.shipToId, request.body, ctx.now()),
      ),
  );

  api.put(
    '/customers/:id/sku-rules/:skuId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set the account’s minimum remaining shelf life for one SKU',
        params: SkuRuleParams,
        body: SkuRuleIn,
        response: { 200: SkuRuleOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        setSkuShelfLifeRule(
          trx,
          request.params.id,
          request.params.skuId,
          request.body.minRemainingShelfLifeDays,
          ctx.now(),
        ),
      ),
  );
}

/** The account a customer-role key is bound to; undefined for staff, who see every account. */
function ownCustomerId(request: FastifyRequest): number | undefined {
  // A customer key without an account sees nothing rather than everything.
  return request.actor.role === 'customer' ? (request.actor.customerId ?? 0) : undefined;
}

/** Another customer's account answers 404, not 403: its existence is not the caller's business. */
function mayRead(request: FastifyRequest, customerId: number): boolean {
  const own = ownCustomerId(request);
  return own === undefined || own === customerId;
}

function notFound(customerId: number): Failure {
  return {
    code: 'CUSTOMER.NOT_FOUND',
    message: `No customer ${customerId}`,
    details: { customerId },
  };
}

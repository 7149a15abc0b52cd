import type { AppContext } from '../../../app/context.js';
import {
  deleteCustomerPrice,
  listCustomerPrices,
  upsertCustomerPrices,
} from '../../../app/pricing/customer-prices.js';
import { getOrderRule, upsertOrderRule } from '../../../app/pricing/order-rules.js';
import {
  createPriceList,
  deleteListPrice,
  getPriceList,
  listPriceLists,
  upsertListPrices,
} from '../../../app/pricing/price-lists.js';
import { quote } from '../../../app/pricing/quote.js';
import { customerToday } from '../../../app/warehouses/warehouse-time-zones.js';
import { MASTER_DATA_WRITERS, STAFF } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { Page, decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  CustomerParams,
  CustomerPriceParams,
  CustomerPricesOut,
  SkuParams,
  IdParams,
  ListPriceParams,
  OrderRuleIn,
  OrderRuleOut,
  PriceListIn,
  PriceListOut,
  PriceListQuery,
  PriceListWithPricesOut,
  PriceOut,
  PriceSetIn,
  PriceSetOut,
  PricesQuery,
  QuoteIn,
  QuoteOut,
} from './pricing.schemas.js';

const tags = ['pricing'];
const read = { roles: [...STAFF] };
/** Prices and order rules are master data: set by admins and managers. */
const write = { roles: [...MASTER_DATA_WRITERS] };

/** Price lists, customer prices, order quantity rules, and quotes. */
export function registerPricingRoutes(api: Api, ctx: AppContext) {
  const db = ctx.database.db;

  api.get(
    '/price-lists',
    {
      config: read,
      schema: {
        tags,
        summary: 'List price lists',
        querystring: PriceListQuery,
        response: { 200: Page(PriceListOut) },
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
      return pageOf(await listPriceLists(db, { limit, afterId }), limit);
    },
  );

  api.post(
    '/price-lists',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a price list',
        body: PriceListIn,
        response: { 201: PriceListOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        createPriceList(trx, request.body, ctx.now()),
      ),
  );

  api.get(
    '/price-lists/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a price list with its prices',
        params: IdParams,
        querystring: PricesQuery,
        response: { 200: PriceListWithPricesOut },
      },
    },
    async (request, reply) => {
      const result = await getPriceList(db, request.params.id, request.query.skuId);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/price-lists/:id/prices',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add or correct the prices of one SKU and pack level (volume breaks, dates)',
        params: IdParams,
        body: PriceSetIn,
        response: { 200: PriceSetOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        upsertListPrices(trx, request.params.id, request.body),
      ),
  );

  api.delete(
    '/price-lists/:id/prices/:priceId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove a price from a list',
        params: ListPriceParams,
        response: { 200: PriceOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        deleteListPrice(trx, request.params.id, request.params.priceId),
      ),
  );

  api.get(
    '/customers/:customerId/prices',
    {
      config: read,
      schema: {
        tags,
        summary: "A customer's own prices",
        params: CustomerParams,
        querystring: PricesQuery,
        response: { 200: CustomerPricesOut },
      },
    },
    async (request, reply) => {
      const result = await listCustomerPrices(db, request.params.customerId, request.query.skuId);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/customers/:customerId/prices',
    {
      config: write,
      schema: {
        tags,
        summary:
          "Add or correct a customer's own prices for one SKU and pack level (they win over the list)",
        params: CustomerParams,
        body: PriceSetIn,
        response: { 200: PriceSetOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        upsertCustomerPrices(trx, request.params.customerId, request.body),
      ),
  );

  api.delete(
    '/customers/:customerId/prices/:priceId',
    {
      config: write,
      schema: {
        tags,
        summary: "Remove one of a customer's own prices",
        params: CustomerPriceParams,
        response: { 200: PriceOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        deleteCustomerPrice(trx, request.params.customerId, request.params.priceId),
      ),
  );

  api.get(
    '/skus/:skuId/order-rule',
    {
      config: read,
      schema: {
        tags,
        summary: "A SKU's minimum order quantity and order multiple",
        params: SkuParams,
        response: { 200: OrderRuleOut },
      },
    },
    async (request, reply) => {
      const result = await getOrderRule(db, request.params.skuId);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/skus/:skuId/order-rule',
    {
      config: write,
      schema: {
        tags,
        summary: "Set a SKU's minimum order quantity, order multiple and rounding",
        params: SkuParams,
        body: OrderRuleIn,
        response: { 200: OrderRuleOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        upsertOrderRule(trx, request.params.skuId, request.body),
      ),
  );

  api.post(
    '/quotes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Price lines for a customer or price list as an order would, creating nothing',
        body: QuoteIn,
        response: { 200: QuoteOut },
      },
    },
    async (request, reply) => {
      const { onDate, ...rest } = request.body;
      const result = await quote(db, {
        ...rest,
        onDate: onDate ?? (await customerToday(db, rest.customerId, ctx.now())),
        actorRole: request.actor.role,
      });
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}

import type { AppContext } from '../../../app/context.js';
import { observedLeadTime } from '../../../app/purchasing/observed-lead-time.js';
import { setPreferredSupplier } from '../../../app/purchasing/preferred-supplier.js';
import { supplierPerformanceReport } from '../../../app/purchasing/supplier-performance.js';
import {
  addSupplierSku,
  listSupplierSkus,
  removeSupplierSku,
  updateSupplierSku,
} from '../../../app/purchasing/supplier-skus.js';
import {
  createSupplier,
  getSupplier,
  listSuppliers,
  updateSupplier,
} from '../../../app/purchasing/suppliers.js';
import { run } from '../../db/database.js';
import { STAFF, type Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { Page, decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  LeadTimeOut,
  LeadTimeQuery,
  PerformanceOut,
  PerformanceQuery,
  PreferredSupplierIn,
  SkuParams,
  SupplierIn,
  SupplierOut,
  SupplierParams,
  SupplierPatch,
  SupplierQuery,
  SupplierSkuIn,
  SupplierSkuOut,
  SupplierSkuParams,
  SupplierSkuPatch,
} from './suppliers.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  SupplierSkusOut,
  SupplierSkuDeleteOut,
  SkuPreferredSupplierPutOut,
} from './suppliers-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['suppliers'];
/** Who buys: suppliers and their price lists are theirs to keep. */
export const BUYERS: readonly Role[] = ['admin', 'manager', 'planner'];

/** Suppliers, their SKUs and terms, preferred suppliers, lead times and performance. */
export function registerSupplierRoutes(api: Api, ctx: AppContext) {
  registerSupplierCrud(api, ctx);
  registerSupplierSkus(api, ctx);
  registerSupplierFigures(api, ctx);
}

function registerSupplierCrud(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/suppliers', {
    roles: BUYERS,
    status: 201,
    schema: {
      tags,
      summary: 'Register a supplier',
      body: SupplierIn,
      response: { 201: SupplierOut },
    },
    run: (trx, request) => createSupplier(trx, request.body, ctx.now().toISOString()),
  });

  api.get(
    '/suppliers',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Suppliers in id order; q searches code and name',
        querystring: SupplierQuery,
        response: { 200: Page(SupplierOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, q, active } = request.query;
      const rows = await listSuppliers(ctx.database.db, {
        q,
        active,
        afterId: decodeCursor(cursor),
        limit,
      });
      return pageOf(rows, limit);
    },
  );

  api.get(
    '/suppliers/:id',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'One supplier',
        params: SupplierParams,
        response: { 200: SupplierOut },
      },
    },
    async (request, reply) => {
      const result = await getSupplier(ctx.database.db, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  write.patch('/suppliers/:id', {
    roles: BUYERS,
    schema: {
      tags,
      summary: 'Change a supplier’s contact, currency, lead time, minimums or active flag',
      params: SupplierParams,
      body: SupplierPatch,
      response: { 200: SupplierOut },
    },
    run: (trx, request) =>
      updateSupplier(trx, request.params.id, request.body, ctx.now().toISOString()),
  });
}

function registerSupplierSkus(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  api.get(
    '/suppliers/:id/skus',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'A supplier’s price list',
        params: SupplierParams,
        response: { 200: Shape(SupplierSkusOut) },
      },
    },
    async (request, reply) => {
      const result = await run(ctx.database, (trx) => listSupplierSkus(trx, request.params.id));
      return result.ok ? { items: result.value } : sendProblem(reply, result.error);
    },
  );

  write.post('/suppliers/:id/skus', {
    roles: BUYERS,
    status: 201,
    schema: {
      tags,
      summary: 'Put a SKU on a supplier’s price list: part number, cost, MOQ, multiple',
      params: SupplierParams,
      body: SupplierSkuIn,
      response: { 201: SupplierSkuOut },
    },
    run: (trx, request) =>
      addSupplierSku(trx, request.params.id, request.body, ctx.now().toISOString()),
  });

  write.patch('/suppliers/:id/skus/:skuId', {
    roles: BUYERS,
    schema: {
      tags,
      summary: 'Change a supplier SKU’s terms',
      params: SupplierSkuParams,
      body: SupplierSkuPatch,
      response: { 200: SupplierSkuOut },
    },
    run: (trx, request) =>
      updateSupplierSku(
        trx,
        request.params.id,
        request.params.skuId,
        request.body,
        ctx.now().toISOString(),
      ),
  });

  write.delete('/suppliers/:id/skus/:skuId', {
    roles: BUYERS,
    schema: {
      tags,
      summary: 'Take a SKU off a supplier’s price list (clears it as preferred supplier)',
      params: SupplierSkuParams,
      response: { 200: Shape(SupplierSkuDeleteOut) },
    },
    run: (trx, request) =>
      removeSupplierSku(trx, request.params.id, request.params.skuId, ctx.now().toISOString()),
  });

  write.put('/skus/:id/preferred-supplier', {
    roles: BUYERS,
    schema: {
      tags,
      summary: 'Set (or clear) who replenishment buys a SKU from, per warehouse',
      params: SkuParams,
      body: PreferredSupplierIn,
      response: { 200: Shape(SkuPreferredSupplierPutOut) },
    },
    run: (trx, request) =>
      setPreferredSupplier(
        trx,
        { skuId: request.params.id, ...request.body },
        ctx.now().toISOString(),
      ),
  });
}

function registerSupplierFigures(api: Api, ctx: AppContext) {
  api.get(
    '/suppliers/:id/lead-time',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Stated and observed lead time (days from sending a PO to its first receipt)',
        params: SupplierParams,
        querystring: LeadTimeQuery,
        response: { 200: LeadTimeOut },
      },
    },
    async (request, reply) => {
      const db = ctx.database.db;
      const supplier = await getSupplier(db, request.params.id);
      if (!supplier.ok) return sendProblem(reply, supplier.error);
      const skuId = request.query.skuId;
      return {
        supplierId: supplier.value.id,
        skuId: skuId ?? null,
        statedDays: supplier.value.leadTimeDays,
        observed: await observedLeadTime(db, supplier.value.id, skuId),
      };
    },
  );

  api.get(
    '/suppliers/:id/performance',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'On-time, in-full and OTIF rates of POs finished in [from, to); lead time',
        params: SupplierParams,
        querystring: PerformanceQuery,
        response: { 200: PerformanceOut },
      },
    },
    async (request, reply) => {
      const result = await supplierPerformanceReport(
        ctx.database.db,
        request.params.id,
        request.query,
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}

import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { createBinLayout, createLocation } from '../../../app/warehouses/create-locations.js';
import { createWarehouse } from '../../../app/warehouses/create-warehouse.js';
import { updateLocation } from '../../../app/warehouses/update-location.js';
import {
  getLocation,
  getLocationByBarcode,
  getWarehouse,
  listLocations,
  listWarehouses,
  type PageRequest,
} from '../../../app/warehouses/warehouse-queries.js';
import { MASTER_DATA_WRITERS, STAFF } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { Page, decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  IdParams,
  LayoutIn,
  LayoutOut,
  LocationIn,
  LocationOut,
  LocationPatch,
  LocationQuery,
  WarehouseIn,
  WarehouseOut,
  WarehouseQuery,
} from './warehouses.schemas.js';

const tags = ['warehouses'];
const read = { roles: [...STAFF] };
const write = { roles: [...MASTER_DATA_WRITERS] };

/** Warehouses, their bins and docks, and barcode lookup for scanners. */
export function registerWarehouseRoutes(api: Api, ctx: AppContext) {
  const db = ctx.database.db;

  api.get(
    '/warehouses',
    {
      config: read,
      schema: {
        tags,
        summary: 'List warehouses',
        querystring: WarehouseQuery,
        response: { 200: Page(WarehouseOut) },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query);
      if (!page) return badCursor(reply);
      return pageOf(await listWarehouses(db, page), page.limit);
    },
  );

  api.get(
    '/warehouses/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a warehouse',
        params: IdParams,
        response: { 200: WarehouseOut },
      },
    },
    async (request, reply) => {
      const result = await getWarehouse(db, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/warehouses',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a warehouse with its standard locations',
        body: WarehouseIn,
        response: { 201: WarehouseOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        createWarehouse(trx, request.body, ctx.now()),
      ),
  );

  api.get(
    '/warehouses/:id/locations',
    {
      config: read,
      schema: {
        tags,
        summary: 'List a warehouse’s locations, filtered',
        params: IdParams,
        querystring: LocationQuery,
        response: { 200: Page(LocationOut) },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query);
      if (!page) return badCursor(reply);
      const warehouse = await getWarehouse(db, request.params.id);
      if (!warehouse.ok) return sendProblem(reply, warehouse.error);
      const { type, zone, aisle, active, code } = request.query;
      const items = await listLocations(
        db,
        { warehouseId: request.params.id, type, zone, aisle, active, code },
        page,
      );
      return pageOf(items, page.limit);
    },
  );

  api.post(
    '/warehouses/:id/locations',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a real location (bin, pick face, dock…)',
        params: IdParams,
        body: LocationIn,
        response: { 201: LocationOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        createLocation(trx, request.params.id, request.body, ctx.now()),
      ),
  );

  api.post(
    '/warehouses/:id/layout',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Create a grid of bins (aisles × bays × levels × bins) in serpentine pick order, all or nothing',
        params: IdParams,
        body: LayoutIn,
        response: { 201: LayoutOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        createBinLayout(trx, request.params.id, request.body, ctx.now()),
      ),
  );

  api.get(
    '/locations/:id',
    {
      config: read,
      schema: { tags, summary: 'Get a location', params: IdParams, response: { 200: LocationOut } },
    },
    async (request, reply) => {
      const result = await getLocation(db, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/locations/by-barcode/:barcode',
    {
      config: read,
      schema: {
        tags,
        summary: 'Find the location a scanner read',
        params: Type.Object({ barcode: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: LocationOut },
      },
    },
    async (request, reply) => {
      const result = await getLocationByBarcode(db, request.params.barcode);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.patch(
    '/locations/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a location’s pick sequence, capacity, type or whether it is active',
        params: IdParams,
        body: LocationPatch,
        response: { 200: LocationOut },
      },
    },
    async (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        updateLocation(trx, request.params.id, request.body),
      ),
  );
}

function pageRequest(query: { limit?: number; cursor?: string }): PageRequest | undefined {
  const afterId = decodeCursor(query.cursor);
  if (query.cursor && afterId === undefined) return undefined;
  return { limit: query.limit ?? 50, afterId };
}

function badCursor(reply: Parameters<typeof sendProblem>[0]) {
  return sendProblem(reply, {
    code: 'REQUEST.INVALID',
    message: 'The cursor is not one this API gave out',
  });
}

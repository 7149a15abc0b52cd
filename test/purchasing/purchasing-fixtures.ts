import { expect } from 'vitest';
import type { Database } from '../../src/adapters/db/database.js';
import { createPurchaseOrder } from '../../src/app/purchasing/create-purchase-order.js';
import { sendPurchaseOrder as sendPo } from '../../src/app/purchasing/po-lifecycle.js';
import { addSupplierSku } from '../../src/app/purchasing/supplier-skus.js';
import { createSupplier as insertSupplier } from '../../src/app/purchasing/suppliers.js';
import type { TestApi } from '../support/api.js';
import { NOW } from '../support/fixtures.js';

/**
 * Purchasing helpers for any test: each takes either a running test API (goes through HTTP as
 * a planner, so roles, schemas and idempotency are exercised) or a bare Database (calls the
 * use case in one write, for tests that only need the rows). Ids come back as numbers.
 */
export type Target = TestApi | Database;

const isApi = (target: Target): target is TestApi => 'app' in target;

/** The clock a Database target writes with: the test API's own clock, else the fixture NOW. */
const nowOf = (target: Target) => (isApi(target) ? target.ctx.now().toISOString() : NOW);

let supplierCount = 0;

export interface SupplierFields {
  code?: string;
  name?: string;
  contactName?: string | null;
  email?: string | null;
  phone?: string | null;
  currency?: string;
  leadTimeDays?: number;
  minOrderValueMinor?: number;
  minOrderQuantity?: number;
  active?: boolean;
}

/** A pet-food wholesaler's supplier (USD, 7-day stated lead time) unless overridden. */
export function supplierBody(fields: SupplierFields = {}) {
  const n = ++supplierCount;
  return {
    code: `SUP-${process.pid}-${n}`,
    name: `Acme Pet Foods ${n}`,
    contactName: 'Dana Buyer',
    email: `orders${n}@acme-pet.example`,
    phone: '+1 614 555 0100',
    currency: 'USD',
    leadTimeDays: 7,
    minOrderValueMinor: 0,
    minOrderQuantity: 0,
    active: true,
    ...fields,
  };
}

/** Creates a supplier; returns its id. */
export async function createSupplier(target: Target, fields: SupplierFields = {}): Promise<number> {
  const body = supplierBody(fields);
  if (isApi(target)) {
    const response = await post(target, '/suppliers', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  }
  const created = await target.write((trx) => insertSupplier(trx, body, nowOf(target)));
  return created.id;
}

export interface SupplierSkuFields {
  supplierSku?: string | null;
  costMinor?: number;
  minOrderQuantity?: number;
  orderMultiple?: number;
  leadTimeDays?: number | null;
}

/** Lists a SKU on a supplier's price list (cost 4.00, no MOQ, multiple 1); returns the row id. */
export async function createSupplierSku(
  target: Target,
  supplierId: number,
  skuId: number,
  fields: SupplierSkuFields = {},
): Promise<number> {
  const body = {
    skuId,
    supplierSku: `VP-${skuId}`,
    costMinor: 400,
    minOrderQuantity: 0,
    orderMultiple: 1,
    leadTimeDays: null,
    ...fields,
  };
  if (isApi(target)) {
    const response = await post(target, `/suppliers/${supplierId}/skus`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  }
  const created = await target.write((trx) => addSupplierSku(trx, supplierId, body, nowOf(target)));
  return created.id;
}

export interface PoLineFields {
  skuId: number;
  quantity: number;
  unitCostMinor?: number;
  expectedDate?: string;
}

export interface PoFields {
  supplierId: number;
  warehouseId: number;
  lines: PoLineFields[];
  expectedDate?: string;
  notes?: string;
}

/** A draft PO; returns its id and number (PO-000001…). */
export async function createDraftPurchaseOrder(
  target: Target,
  fields: PoFields,
): Promise<{ id: number; number: string }> {
  if (isApi(target)) {
    const response = await post(target, '/purchase-orders', fields);
    expect(response.statusCode, response.body).toBe(201);
    const { id, number } = response.json() as { id: number; number: string };
    return { id, number };
  }
  return target.write((trx) => createPurchaseOrder(trx, fields, 'test:fixture', nowOf(target)));
}

/**
 * Sends a draft PO to the supplier (draft → sent, sent_at set). With a Database target,
 * `sentAtIso` back-dates the sending, for lead-time and performance scenarios.
 */
export async function sendPurchaseOrder(
  target: Target,
  purchaseOrderId: number,
  sentAtIso?: string,
): Promise<void> {
  if (isApi(target)) {
    const response = await post(target, `/purchase-orders/${purchaseOrderId}/send`, undefined);
    expect(response.statusCode, response.body).toBe(200);
    return;
  }
  await target.write((trx) =>
    sendPo(trx, purchaseOrderId, 'test:fixture', sentAtIso ?? nowOf(target)),
  );
}

/** A PO created and sent in one go: what receiving tests start from. */
export async function createSentPurchaseOrder(
  target: Target,
  fields: PoFields,
  sentAtIso?: string,
): Promise<{ id: number; number: string }> {
  const po = await createDraftPurchaseOrder(target, fields);
  await sendPurchaseOrder(target, po.id, sentAtIso);
  return po;
}

/** POST under /api/v1 as a planner (the role that buys). */
export function post(api: TestApi, url: string, payload: unknown, role: 'planner' = 'planner') {
  return api.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: api.as(role),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

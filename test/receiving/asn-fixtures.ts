import { expect } from 'vitest';
import { dogFood } from '../catalog/catalog-fixtures.js';
import { sample } from '../edi/edi-fixtures.js';
import { call, createCustomer, type OrderWorld } from '../orders/order-fixtures.js';
import { insertSupplier, sentPurchaseOrder } from './receiving-fixtures.js';

/**
 * Acme Pet Foods' ship notice for PO-004512 (written for the project, see SOURCES.md): pallet
 * 1 with carton A (6 cases of SKU 901, lot L2611A) and carton B (20 of SKU 902; 5 of SKU 904,
 * which is not on the PO; 3 of an item we do not know), pallet 2 with 40 of SKU 903 (38
 * ordered), and a loose carton C with 2 more cases of SKU 901 (30 ordered, 32 announced).
 */
export const ACME_ASN = sample('stockline__856.supplier-asn.edi');
export const ACME_PO_NUMBER = 'PO-004512';
export const SSCC = {
  pallet1: '006141410000011018',
  cartonA: '006141410000011025',
  cartonB: '006141410000011032',
  pallet2: '006141410000012015',
  cartonC: '006141410000011049',
  unknown: '006141410000019991',
};

export interface AcmeWorld {
  /** SKU ids by their dogFood number (901…904). */
  sku: Record<number, number>;
  poId: number;
}

/**
 * The catalog, PO and trading partner the fixture needs: SKUs 901–904, PO-004512 (sent) for
 * 30 × 901, 20 × 902, 38 × 903, and Acme as a trading partner (by its ISA sender) that is the
 * PO's supplier.
 */
export async function setUpAcme(world: OrderWorld, supplierId?: number): Promise<AcmeWorld> {
  const sku: Record<number, number> = {};
  for (const n of [901, 902, 903, 904]) {
    const made = await call(world.api, 'POST', '/skus', world.api.as('manager'), dogFood(n));
    expect(made.statusCode, made.body).toBe(201);
    sku[n] = made.json().id as number;
  }
  const database = world.api.store.database;
  const acmeId = supplierId ?? (await insertSupplier(database));
  const po = await sentPurchaseOrder(database, acmeId, world.warehouse.id, [
    { skuId: sku[901]!, quantity: 30 },
    { skuId: sku[902]!, quantity: 20 },
    { skuId: sku[903]!, quantity: 38 },
  ]);
  await database.write((trx) =>
    trx
      .updateTable('purchase_orders')
      .set({ number: ACME_PO_NUMBER })
      .where('id', '=', po.id)
      .execute(),
  );
  const partner = await createPartner(world, 'ACME', 'ACMEPETFOODS', acmeId);
  expect(partner.statusCode, partner.body).toBe(201);
  return { sku, poId: po.id };
}

/**
 * POST /edi/partners with ZZ ids toward us (STOCKLINE). Trading partners hang off a customer
 * account; a supplier's profile uses a placeholder one.
 */
export async function createPartner(
  world: OrderWorld,
  code: string,
  isaId: string,
  supplierId?: number,
) {
  const customerId = await createCustomer(world, `${code}-EDI`);
  return call(world.api, 'POST', '/edi/partners', world.api.as('manager'), {
    code,
    customerId,
    isaQualifier: 'ZZ',
    isaId,
    gsId: isaId,
    ourIsaQualifier: 'ZZ',
    ourIsaId: 'STOCKLINE',
    ourGsId: 'STOCKLINE',
    version: '004010',
    ...(supplierId === undefined ? {} : { supplierId }),
  });
}

export const postX12 = (world: OrderWorld, x12: string) =>
  call(world.api, 'POST', '/edi/interchanges', world.api.as('manager'), { x12 });

import type { Tx } from '../../adapters/db/database.js';
import type { OrderRule } from '../../core/pricing/order-quantity.js';
import type { AppContext } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { DEMO_CUSTOMERS } from '../demo/demo-customers.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createCountPlan } from '../counts/count-plans.js';
import { addSupplierSku } from '../purchasing/supplier-skus.js';
import { createSupplier } from '../purchasing/suppliers.js';

/** A SKU as the simulation orders, picks, receives and counts it. */
export interface SimSku {
  id: number;
  code: string;
  lotTracked: boolean;
  shelfLifeDays: number | null;
  gtin: string | null;
  /** Eaches per case, when the SKU is sold by the case. */
  caseQuantity: number | null;
  rule: OrderRule | null;
}

/** A trade account that orders in the simulation, with the warehouse that serves it. */
export interface SimCustomer {
  id: number;
  warehouseId: number;
}

/** What the day loop needs to know about the store, read once. */
export interface SimWorld {
  warehouseIds: number[];
  customers: SimCustomer[];
  skus: SimSku[];
  skuById: Map<number, SimSku>;
}

/** Simulated accounts are numbered SIM-0001…; the demo's own accounts order beside them. */
const SIM_ACCOUNTS = 60;
/** Suppliers the catalog is split between, with their stated lead times. */
const SUPPLIERS = [
  { code: 'SUP-PETFOOD', name: 'Heartland Pet Nutrition', leadTimeDays: 7 },
  { code: 'SUP-HARDGOODS', name: 'Pacific Pet Products', leadTimeDays: 14 },
  { code: 'SUP-AQUA', name: 'Blue Reef Aquatics', leadTimeDays: 10 },
] as const;

/**
 * Makes sure the store has what a simulation needs, through the use cases: the demo (catalog,
 * warehouses, stock, accounts), simulated trade accounts without a credit limit (Stockline has
 * no payments yet, so limited accounts would all end on credit hold within weeks), suppliers
 * for every SKU, and a cycle count plan per warehouse. Idempotent.
 */
export async function prepareSimulation(ctx: AppContext): Promise<SimWorld> {
  await seedDemo(ctx);
  const prepared = await ctx.database.db
    .selectFrom('suppliers')
    .select('id')
    .where('code', '=', SUPPLIERS[0].code)
    .executeTakeFirst();
  if (!prepared) await ctx.database.write((trx) => createSimMasterData(trx, ctx.now()));
  return loadWorld(ctx.database.db);
}

async function createSimMasterData(trx: Tx, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const lists = await trx.selectFrom('price_lists').select(['id', 'code']).execute();
  const warehouses = await trx.selectFrom('warehouses').select(['id', 'code']).execute();
  const listId = new Map(lists.map((l) => [l.code, l.id]));
  const warehouseId = new Map(warehouses.map((w) => [w.code, w.id]));
  const templates = DEMO_CUSTOMERS.filter((c) => !c.holdReason);
  for (let i = 1; i <= SIM_ACCOUNTS; i++) {
    const t = templates[i % templates.length]!;
    const number = String(i).padStart(4, '0');
    await createCustomer(
      trx,
      {
        ...t.customer,
        accountNumber: `SIM-${number}`,
        name: `${t.customer.name} #${number}`,
        email: `orders+${number}@sim.example`,
        creditLimitMinor: null,
        shipTos: [],
        priceListId: listId.get(t.priceList) ?? null,
        preferredWarehouseId: warehouseId.get(t.warehouse) ?? null,
      },
      now,
    );
  }
  const skus = await trx
    .selectFrom('skus')
    .select(['id', 'standard_cost_minor'])
    .orderBy('id')
    .execute();
  for (const [index, supplier] of SUPPLIERS.entries()) {
    const created = await createSupplier(trx, { ...supplier, currency: 'USD' }, nowIso);
    for (const sku of skus.filter((_, i) => i % SUPPLIERS.length === index)) {
      await addSupplierSku(
        trx,
        created.id,
        { skuId: sku.id, costMinor: Math.max(1, sku.standard_cost_minor) },
        nowIso,
      );
    }
  }
  for (const w of warehouses) {
    await createCountPlan(
      trx,
      { warehouseId: w.id, name: 'Class A bins', basis: 'abc', abcClass: 'A', frequencyDays: 30 },
      now,
    );
  }
}

/** Reads the accounts, SKUs (packs, GTINs, order rules) and warehouses the loop works with. */
export async function loadWorld(db: Tx): Promise<SimWorld> {
  const warehouses = await db.selectFrom('warehouses').select('id').orderBy('id').execute();
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'preferred_warehouse_id', 'credit_limit_minor', 'account_number'])
    .where('on_hold', '=', 0)
    .orderBy('id')
    .execute();
  const skus = await db
    .selectFrom('skus')
    .select(['id', 'code', 'lot_tracked', 'shelf_life_days', 'gtin'])
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  const cases = await db
    .selectFrom('sku_packs')
    .select(['sku_id', 'quantity'])
    .where('level', '=', 'case')
    .execute();
  const rules = await db.selectFrom('sku_order_rules').selectAll().execute();
  const caseOf = new Map(cases.map((c) => [c.sku_id, c.quantity]));
  const ruleOf = new Map(
    rules.map((r) => [
      r.sku_id,
      {
        minOrderQuantity: r.min_order_quantity,
        orderMultiple: r.order_multiple,
        rounding: r.rounding,
      } as OrderRule,
    ]),
  );
  const simSkus = skus.map((s) => ({
    id: s.id,
    code: s.code,
    lotTracked: Number(s.lot_tracked) === 1,
    shelfLifeDays: s.shelf_life_days,
    gtin: s.gtin,
    caseQuantity: caseOf.get(s.id) ?? null,
    rule: ruleOf.get(s.id) ?? null,
  }));
  const fallback = warehouses[0]!.id;
  return {
    warehouseIds: warehouses.map((w) => w.id),
    // Accounts with a limit would end on credit hold (no payments): only unlimited ones order.
    customers: customers
      .filter((c) => c.credit_limit_minor === null)
      .map((c) => ({ id: c.id, warehouseId: c.preferred_warehouse_id ?? fallback })),
    skus: simSkus,
    skuById: new Map(simSkus.map((s) => [s.id, s])),
  };
}

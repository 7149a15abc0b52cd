import type { Tx } from '../../adapters/db/database.js';
import { validateShelfLifeDays } from '../../core/customers/shelf-life.js';
import { must } from '../../core/shared/result.js';
import { skuNotFound } from './customer-failures.js';
import { touchCustomer } from './customer-queries.js';

/** A customer's minimum remaining shelf life for one SKU, overriding the account's own. */
export interface SkuShelfLifeRule {
  customerId: number;
  skuId: number;
  minRemainingShelfLifeDays: number;
}

/** SKU ids per `in (…)`: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

/**
 * Sets (creates or replaces) the shelf-life rule for one SKU: a clinic that wants six months
 * left on a vaccine-adjacent supplement but takes any lot of poop bags.
 */
export async function setSkuShelfLifeRule(
  trx: Tx,
  customerId: number,
  skuId: number,
  days: number,
  now: Date,
): Promise<SkuShelfLifeRule> {
  const minRemainingShelfLifeDays = must(validateShelfLifeDays(days, 'minRemainingShelfLifeDays'));
  await touchCustomer(trx, customerId, now);
  const sku = await trx.selectFrom('skus').select('id').where('id', '=', skuId).executeTakeFirst();
  if (!sku) throw skuNotFound(skuId);
  await trx
    .insertInto('customer_sku_rules')
    .values({
      customer_id: customerId,
      sku_id: skuId,
      min_remaining_shelf_life_days: minRemainingShelfLifeDays,
    })
    .onConflict((oc) =>
      oc.columns(['customer_id', 'sku_id']).doUpdateSet({
        min_remaining_shelf_life_days: minRemainingShelfLifeDays,
      }),
    )
    .execute();
  return { customerId, skuId, minRemainingShelfLifeDays };
}

/**
 * The customer's per-SKU shelf-life rules for these SKUs: SKU id → minimum remaining days.
 * SKUs without a rule are absent; pass the value to `effectiveShelfLifeDays` with the
 * account's own days to get what allocation must respect.
 */
export async function skuShelfLifeRules(
  trx: Tx,
  customerId: number,
  skuIds: readonly number[],
): Promise<Map<number, number>> {
  const rules = new Map<number, number>();
  const unique = [...new Set(skuIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('customer_sku_rules')
      .select(['sku_id', 'min_remaining_shelf_life_days'])
      .where('customer_id', '=', customerId)
      .where('sku_id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) rules.set(row.sku_id, row.min_remaining_shelf_life_days);
  }
  return rules;
}

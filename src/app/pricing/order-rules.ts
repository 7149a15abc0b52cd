import type { Tx } from '../../adapters/db/database.js';
import { validateOrderRule } from '../../core/pricing/order-quantity.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import { skuNotFound } from './pricing-failures.js';
import { orderRuleView, type OrderRuleView } from './pricing-views.js';

/** A SKU's order quantity rule as a client sends it (quantities in eaches). */
export interface OrderRuleInput {
  minOrderQuantity: number;
  orderMultiple: number;
  rounding: string;
}

/**
 * Sets a SKU's minimum order quantity and order multiple, and whether a quantity that breaks
 * them is refused or rounded up. Replaces any rule the SKU had; applies to orders taken after.
 */
export async function upsertOrderRule(
  trx: Tx,
  skuId: number,
  input: OrderRuleInput,
): Promise<OrderRuleView> {
  const rule = must(validateOrderRule(input));
  const sku = await trx.selectFrom('skus').select('id').where('id', '=', skuId).executeTakeFirst();
  if (!sku) throw skuNotFound(skuId);
  const columns = {
    min_order_quantity: rule.minOrderQuantity,
    order_multiple: rule.orderMultiple,
    rounding: rule.rounding,
  };
  const row = await trx
    .insertInto('sku_order_rules')
    .values({ sku_id: skuId, ...columns })
    .onConflict((oc) => oc.column('sku_id').doUpdateSet(columns))
    .returningAll()
    .executeTakeFirstOrThrow();
  return orderRuleView(row);
}

/**
 * A SKU's order quantity rule. `CATALOG.SKU_NOT_FOUND` for no SKU; `PRICING.ORDER_RULE_NOT_FOUND`
 * for a SKU without a rule (any whole quantity of eaches may be ordered).
 */
export async function getOrderRule(db: Tx, skuId: number): Promise<Result<OrderRuleView>> {
  const sku = await db
    .selectFrom('skus')
    .leftJoin('sku_order_rules', 'sku_order_rules.sku_id', 'skus.id')
    .select([
      'skus.id',
      'sku_order_rules.min_order_quantity',
      'sku_order_rules.order_multiple',
      'sku_order_rules.rounding',
    ])
    .where('skus.id', '=', skuId)
    .executeTakeFirst();
  if (!sku) return fail('CATALOG.SKU_NOT_FOUND', `No SKU with id ${skuId}`, { skuId });
  if (sku.min_order_quantity === null || sku.order_multiple === null || sku.rounding === null) {
    return fail('PRICING.ORDER_RULE_NOT_FOUND', `SKU ${skuId} has no order quantity rule`, {
      skuId,
    });
  }
  return ok(
    orderRuleView({
      sku_id: sku.id,
      min_order_quantity: sku.min_order_quantity,
      order_multiple: sku.order_multiple,
      rounding: sku.rounding,
    }),
  );
}

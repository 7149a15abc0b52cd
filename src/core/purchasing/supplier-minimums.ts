import { fail, ok, type Result } from '../shared/result.js';

/** A supplier's order minimums. */
export interface SupplierMinimums {
  minOrderValueMinor: number;
  minOrderQuantity: number;
}

/** A PO line with the supplier's terms for its SKU, when the SKU is on its price list. */
export interface LineWithTerms {
  lineNumber: number;
  skuId: number;
  quantity: number;
  unitCostMinor: number;
  terms: { minOrderQuantity: number; orderMultiple: number } | null;
}

/**
 * What a supplier accepts: PO value and units at or above its minimums, each line at or above
 * the SKU's MOQ and a whole multiple of its order multiple (cases, layers). Checked when the PO
 * is sent, so a draft can be worked on below the minimums.
 */
export function checkSupplierMinimums(
  supplier: SupplierMinimums,
  lines: readonly LineWithTerms[],
): Result<true> {
  for (const line of lines) {
    if (!line.terms) continue;
    const { minOrderQuantity, orderMultiple } = line.terms;
    if (line.quantity < minOrderQuantity)
      return fail(
        'PURCHASING.BELOW_MOQ',
        `Line ${line.lineNumber}: below the MOQ of ${minOrderQuantity}`,
        {
          lineNumber: line.lineNumber,
          minOrderQuantity,
        },
      );
    if (line.quantity % orderMultiple !== 0)
      return fail(
        'PURCHASING.NOT_ORDER_MULTIPLE',
        `Line ${line.lineNumber}: order in multiples of ${orderMultiple}`,
        { lineNumber: line.lineNumber, orderMultiple },
      );
  }
  const units = lines.reduce((n, l) => n + l.quantity, 0);
  const valueMinor = lines.reduce((n, l) => n + l.quantity * l.unitCostMinor, 0);
  if (units < supplier.minOrderQuantity)
    return fail(
      'PURCHASING.BELOW_MINIMUM_ORDER',
      `The supplier takes orders of ${supplier.minOrderQuantity} units or more`,
      {
        units,
        minOrderQuantity: supplier.minOrderQuantity,
      },
    );
  if (valueMinor < supplier.minOrderValueMinor)
    return fail(
      'PURCHASING.BELOW_MINIMUM_ORDER',
      'The PO is below the supplier’s minimum order value',
      {
        valueMinor,
        minOrderValueMinor: supplier.minOrderValueMinor,
      },
    );
  return ok(true);
}

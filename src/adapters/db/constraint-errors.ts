import type { Failure } from '../../core/shared/result.js';

/**
 * What a refused write means, by the constraint that refused it. A CHECK or foreign key is the
 * last line of defence: a use case's own checks should have refused first, so reaching one is
 * a lost race (two pickers on one line) or a missing check. Each known constraint has its own
 * code; one not listed here is a bug and stays a logged 500 rather than a wrong business error
 * (every CHECK used to read as "not enough stock", lead times and webhook states included).
 */
export function constraintFailure(error: unknown): Failure | null {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code === '23514' && typeof e.constraint === 'string')
    return failureOf(BY_POSTGRES_NAME.get(e.constraint));
  if (e.code === 'SQLITE_CONSTRAINT_CHECK' && typeof e.message === 'string')
    return failureOf(BY_SQLITE_REPORT.get(e.message.replace(/^CHECK constraint failed: /, '')));
  if (e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return referenceFailure(e);
  return null;
}

interface Rule {
  code: string;
  message: string;
  field?: string;
}

function failureOf(rule: Rule | undefined): Failure | null {
  if (!rule) return null;
  return rule.field
    ? { code: rule.code, message: rule.message, details: { field: rule.field } }
    : { code: rule.code, message: rule.message };
}

/**
 * A foreign key refused a write: the request named a record that does not exist, or removed
 * one still in use. PostgreSQL says which column (`orders_customer_id_fkey`); SQLite says only
 * that a key failed, so the code is the same on both and the field is named where known.
 */
function referenceFailure(e: { constraint?: unknown; table?: unknown }): Failure {
  const table = typeof e.table === 'string' ? e.table : '';
  const name = typeof e.constraint === 'string' ? e.constraint : '';
  const column = name.startsWith(`${table}_`) ? name.slice(table.length + 1, -'_fkey'.length) : '';
  return {
    code: 'REFERENCE.INVALID',
    message: 'The request refers to a record that does not exist, or removes one still in use',
    ...(column && name.endsWith('_fkey') ? { details: { field: camel(column) } } : {}),
  };
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const INSUFFICIENT: Rule = {
  code: 'INVENTORY.INSUFFICIENT_AVAILABLE',
  message: 'Not enough stock for this change',
};
const conflict = (area: string, what: string): Rule => ({
  code: `${area}.QUANTITY_CONFLICT`,
  message: `The ${what} quantities changed under this request; reload and try again`,
});
const positive = (field: string): Rule => ({
  code: 'REQUEST.INVALID_QUANTITY',
  message: `${field} must be at least 1`,
  field,
});
const PRICE: Rule = {
  code: 'PRICING.INVALID_PRICE',
  message: 'A price cannot be negative',
  field: 'unitPriceMinor',
};
const cost = (field: string): Rule => ({
  code: 'PURCHASING.INVALID_COST',
  message: 'A cost cannot be negative',
  field,
});
const PICK_FACE_RANGE: Rule = {
  code: 'LOCATIONS.INVALID_PICK_FACE_RANGE',
  message: 'A pick face needs 0 ≤ minimum < maximum',
  field: 'minQuantity',
};
const oneOf = (code: string, field: string): Rule => ({
  code,
  message: `${field} is not one of the accepted values`,
  field,
});

/** CHECKs named in the migrations: the same name on both databases. */
const NAMED: [string, Rule][] = [
  ['stock_balances_on_hand', INSUFFICIENT],
  ['stock_balances_allocated', INSUFFICIENT],
  ['allocations_remaining', INSUFFICIENT],
  ['order_lines_flow', conflict('ORDERS', 'order line')],
  ['order_lines_backorder', conflict('ORDERS', 'order line')],
  ['order_lines_nonneg', conflict('ORDERS', 'order line')],
  ['pick_tasks_quantities', conflict('PICKING', 'pick task')],
  ['return_lines_received', conflict('RETURNS', 'return line')],
  ['purchase_order_lines_quantities', conflict('PURCHASING', 'purchase order line')],
  ['pick_faces_range', PICK_FACE_RANGE],
  [
    'stock_movements_distinct',
    { code: 'INVENTORY.SAME_LOCATION', message: 'Stock cannot move to where it already is' },
  ],
];

/**
 * Column CHECKs: PostgreSQL names them `<table>_<column>_check`; SQLite reports their
 * expression, as written in the migration.
 */
const COLUMN: [table: string, column: string, expression: string, rule: Rule][] = [
  ...[
    'allocation_resolutions',
    'allocations',
    'carton_contents',
    'move_tasks',
    'pick_task_allocations',
    'pick_tasks',
    'receipts',
    'replenishment_suggestions',
    'sku_packs',
    'stock_movements',
    'transfers',
  ].map((t): [string, string, string, Rule] => [
    t,
    'quantity',
    'quantity > 0',
    positive('quantity'),
  ]),
  ['order_lines', 'quantity_ordered', 'quantity_ordered > 0', positive('quantity')],
  ['purchase_order_lines', 'quantity_ordered', 'quantity_ordered > 0', positive('quantity')],
  ['return_lines', 'quantity_authorized', 'quantity_authorized > 0', positive('quantity')],
  ...['customer_prices', 'order_lines', 'price_list_prices'].map(
    (t): [string, string, string, Rule] => [t, 'unit_price_minor', 'unit_price_minor >= 0', PRICE],
  ),
  ['skus', 'standard_cost_minor', 'standard_cost_minor >= 0', cost('standardCostMinor')],
  ['supplier_skus', 'cost_minor', 'cost_minor >= 0', cost('costMinor')],
  ['purchase_order_lines', 'unit_cost_minor', 'unit_cost_minor >= 0', cost('unitCostMinor')],
  [
    'suppliers',
    'lead_time_days',
    'lead_time_days >= 0',
    {
      code: 'SUPPLIERS.INVALID_LEAD_TIME',
      message: 'A lead time cannot be negative',
      field: 'leadTimeDays',
    },
  ],
  [
    'supplier_skus',
    'order_multiple',
    'order_multiple > 0',
    {
      code: 'SUPPLIERS.INVALID_ORDER_MULTIPLE',
      message: 'An order multiple is at least 1',
      field: 'orderMultiple',
    },
  ],
  [
    'sku_planning',
    'service_level',
    'service_level is null or (service_level > 0 and service_level < 1)',
    {
      code: 'PLANNING.INVALID_SERVICE_LEVEL',
      message: 'A service level lies strictly between 0 and 1',
      field: 'serviceLevel',
    },
  ],
  ['pick_faces', 'min_quantity', 'min_quantity >= 0', PICK_FACE_RANGE],
  ['pick_faces', 'max_quantity', 'max_quantity > 0', { ...PICK_FACE_RANGE, field: 'maxQuantity' }],
  [
    'count_plans',
    'frequency_days',
    'frequency_days > 0',
    {
      code: 'COUNTS.INVALID_FREQUENCY',
      message: 'A count frequency is at least 1 day',
      field: 'frequencyDays',
    },
  ],
  ...['counted_quantity', 'system_quantity'].map((c): [string, string, string, Rule] => [
    'count_lines',
    c,
    `${c} >= 0`,
    {
      code: 'COUNTS.INVALID_QUANTITY',
      message: 'A counted quantity cannot be negative',
      field: camel(c),
    },
  ]),
  [
    'webhook_endpoints',
    'status',
    "status in ('active', 'disabled')",
    oneOf('WEBHOOKS.INVALID_STATUS', 'status'),
  ],
  [
    'webhook_deliveries',
    'status',
    "status in ('pending', 'delivering', 'succeeded', 'dead')",
    oneOf('WEBHOOKS.INVALID_DELIVERY_STATUS', 'status'),
  ],
  [
    'trading_partners',
    'version',
    "version in ('004010', '005010')",
    oneOf('EDI.UNSUPPORTED_VERSION', 'version'),
  ],
  ['trading_partners', 'usage', "usage in ('P', 'T')", oneOf('EDI.INVALID_USAGE', 'usage')],
  [
    'partner_item_xref',
    'kind',
    "kind in ('buyer_part', 'vendor_part', 'gtin')",
    oneOf('EDI.INVALID_ITEM_REFERENCE_KIND', 'kind'),
  ],
  [
    'edi_interchanges',
    'direction',
    "direction in ('in', 'out')",
    oneOf('EDI.INVALID_DIRECTION', 'direction'),
  ],
  [
    'edi_interchanges',
    'status',
    "status in ('received', 'processed', 'error', 'duplicate', 'ready', 'sent')",
    oneOf('EDI.INVALID_INTERCHANGE_STATUS', 'status'),
  ],
  [
    'import_jobs',
    'format',
    "format in ('csv', 'xlsx')",
    oneOf('IMPORTS.UNSUPPORTED_FORMAT', 'format'),
  ],
  [
    'import_jobs',
    'status',
    "status in ('running', 'done', 'failed')",
    oneOf('IMPORTS.INVALID_STATUS', 'status'),
  ],
];

const BY_POSTGRES_NAME = new Map<string, Rule>([
  ...NAMED,
  ...COLUMN.map(([table, column, , rule]): [string, Rule] => [`${table}_${column}_check`, rule]),
]);

/** SQLite cannot tell two tables' `quantity > 0` apart; their rules are the same on purpose. */
const BY_SQLITE_REPORT = new Map<string, Rule>([
  ...NAMED,
  ...COLUMN.map(([, , expression, rule]): [string, Rule] => [expression, rule]),
]);

/** Every CHECK this module knows, by its PostgreSQL name (the coverage test compares). */
export const KNOWN_CHECKS: ReadonlySet<string> = new Set(BY_POSTGRES_NAME.keys());

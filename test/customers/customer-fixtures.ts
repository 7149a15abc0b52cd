import type { Database } from '../../src/adapters/db/database.js';
import type { CustomerView } from '../../src/app/customers/customer-views.js';
import type { TestApi } from '../support/api.js';

const NOW = '2026-01-05T12:00:00.000Z';

/** An independent pet store buying on net-30 with two delivery points. */
export function petStore(accountNumber = 'PS-1001', overrides: Record<string, unknown> = {}) {
  return {
    accountNumber,
    name: 'Happy Paws Pet Store',
    email: 'buying@happypaws.example',
    phone: '+1 614 555 0100',
    billTo: {
      line1: '200 High St',
      city: 'Columbus',
      region: 'OH',
      postalCode: '43215',
      country: 'US',
    },
    currency: 'USD',
    paymentTermsDays: 30,
    creditLimitMinor: 500_000,
    priority: 3,
    minRemainingShelfLifeDays: 90,
    shipTos: [
      {
        code: 'store-1',
        name: 'Happy Paws Downtown',
        address: { line1: '200 High St', city: 'Columbus', postalCode: '43215', country: 'us' },
      },
      {
        code: 'STORE-2',
        name: 'Happy Paws Clintonville',
        address: { line1: '3400 N High St', city: 'Columbus', postalCode: '43202', country: 'US' },
        isDefault: true,
      },
    ],
    ...overrides,
  };
}

/** Opens an account as sales and returns the created customer. */
export async function createCustomerVia(api: TestApi, payload: object): Promise<CustomerView> {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/v1/customers',
    headers: api.as('sales'),
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`create customer: ${response.body}`);
  return response.json() as CustomerView;
}

/** Inserts an order header straight into the table: credit tests need values, not order entry. */
export async function insertOrder(
  database: Database,
  customerId: number,
  status: string,
  totalMinor: number,
): Promise<number> {
  const row = await database.write((trx) =>
    trx
      .insertInto('orders')
      .values({
        customer_id: customerId,
        customer_po: null,
        ship_to_id: null,
        requested_ship_date: null,
        status,
        hold_reason: null,
        warehouse_id: null,
        priority: 5,
        currency: 'USD',
        total_minor: totalMinor,
        source: 'test',
        notes: null,
        created_by: 'test',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** Inserts an invoice straight into the table. */
export async function insertInvoice(
  database: Database,
  customerId: number,
  totalMinor: number,
  paidMinor: number,
  status = 'open',
  orderId: number | null = null,
): Promise<void> {
  await database.write((trx) =>
    trx
      .insertInto('invoices')
      .values({
        customer_id: customerId,
        order_id: orderId,
        currency: 'USD',
        total_minor: totalMinor,
        paid_minor: paidMinor,
        status,
        issued_at: NOW,
        due_date: '2026-02-04',
      })
      .execute(),
  );
}

/** Inserts a price list and returns its id. */
export async function insertPriceList(
  database: Database,
  code: string,
  currency: string,
): Promise<number> {
  const row = await database.write((trx) =>
    trx
      .insertInto('price_lists')
      .values({ code, name: code, currency, active: 1, created_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** How many rows the customer tables hold: a failed create must leave these unchanged. */
export async function customerRowCounts(database: Database) {
  const count = async (table: 'customers' | 'customer_ship_tos') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { customers: await count('customers'), shipTos: await count('customer_ship_tos') };
}

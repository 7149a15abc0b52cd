import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS } from '../../src/app/imports/export-lists.js';
import { dialects } from '../support/databases.js';
import {
  call,
  createCustomer,
  createSku,
  line,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';

/**
 * Every export kind on a small known world (one SKU with a lot in stock, a customer with an
 * allocated order, the price list, a supplier): the exact CSV header and rows, not only a 200.
 */
describe.each(dialects)('exports on %s', (dialect) => {
  let world: OrderWorld;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    const sku = await createSku(world);
    await receive(world, sku, 40, { lotCode: 'L-EXP', expiryDate: '2026-12-01' });
    const customer = await createCustomer(world, 'EXP-1');
    await placeOrderFor(world, customer, [line(sku, 6)]);
    const s = await call(world.api, 'POST', '/suppliers', world.api.as('manager'), {
      code: 'KIBBLE',
      name: 'Kibble Mills',
      currency: 'USD',
      leadTimeDays: 7,
    });
    expect(s.statusCode, s.body).toBe(201);
  });
  afterAll(async () => world?.api.close());

  /** Each list's CSV header (its import columns, plus extras) and the known rows, exactly. */
  const EXPECTED: Record<string, string[]> = {
    products: [
      'code,name,category,gtin,weight_g,length_mm,width_mm,height_mm,lot_tracked,shelf_life_days,standard_cost,currency,active,inner_quantity,inner_gtin,case_quantity,case_gtin,pallet_quantity,pallet_gtin',
      'DOG-DRY-2KG-1,"Lamb & rice adult dog food 2 kg, recipe 1",dog-food,05901230000011,2050,300,90,450,1,540,6.49,USD,1,,,4,15901230000018,160,55901230000016',
    ],
    stock: [
      'sku_code,warehouse_code,location_code,quantity,lot_code,expiry_date,allocated',
      'DOG-DRY-2KG-1,MAIN,A-01-01,40,L-EXP,2026-12-01,6',
    ],
    customers: [
      'account_number,name,email,phone,address_line1,address_line2,city,region,postal_code,country,currency,payment_terms_days,credit_limit,priority,active',
      'EXP-1,Pet shop EXP-1,,,1 Main St,,Columbus,,43215,US,USD,30,,5,1',
    ],
    price_lists: [
      'price_list_code,price_list_name,currency,sku_code,pack_level,min_quantity,unit_price,valid_from,valid_to',
      'TRADE,Trade prices,USD,DOG-DRY-2KG-1,each,1,5.00,,',
      'TRADE,Trade prices,USD,DOG-DRY-2KG-1,each,24,4.50,,',
      'TRADE,Trade prices,USD,DOG-DRY-2KG-1,case,1,18.00,,',
    ],
    suppliers: [
      'code,name,contact_name,email,phone,currency,lead_time_days,min_order_value,min_order_quantity,active',
      'KIBBLE,Kibble Mills,,,,USD,7,0.00,0,1',
    ],
    orders: [
      'order_ref,customer_account,sku_code,pack_level,quantity,requested_ship_date,notes,status,unit_price,quantity_cancelled,created_at',
      'SO-1,EXP-1,DOG-DRY-2KG-1,each,6,,,allocated,5.00,0,2026-03-02T12:00:00.000Z',
    ],
  };

  it('covers every export kind', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...EXPORT_KINDS].sort());
  });

  it.each(Object.entries(EXPECTED))(
    'exports %s as CSV with its header columns and the known rows',
    async (kind, lines) => {
      const res = await call(world.api, 'GET', `/exports/${kind}`, world.api.as('manager'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.body.split('\n')).toEqual([...lines, '']);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveInterchange } from '../../src/app/edi/receive-interchange.js';
import { dialects } from '../support/databases.js';
import { startOrderWorld, type OrderWorld } from '../orders/order-fixtures.js';
import { gtinsOf } from '../receiving/receiving-fixtures.js';
import { segmentsOf, setUpXyzRetail, type EdiWorld } from './edi-fixtures.js';

/**
 * A three-line PO as a buying group's network sends it: buyer's catalog number (CB), retailer
 * SKU (SK), the vendor's number as VN, a case GTIN-14 (UK), PO1-05 price bases, a CTP price.
 * The first two SKUs have an order rule (24 eaches minimum, rounded up).
 */
function po(caseGtin: string): string {
  return [
    'ISA|00|          |00|          |12|4405197800     |01|999999999      |260302|1200|U|00401|000000555|0|P|>',
    'GS|PO|4405197800|999999999|20260302|1200|55|X|004010',
    'ST|850|0001',
    'BEG|00|SA|BG-555||20260302',
    'N1|ST|XYZ RETAIL|9|0003947268292',
    'PO1|1|10|EA|||CB|CAT-1|VN|AB3542',
    'CTP||CON|4.5',
    'PO1|2|5|EA|5|PE|SK|S-2|VN|RD5322',
    `PO1|3|2|CA|18|PE|UK|${caseGtin}|PR|RO`,
    'CTT|3',
    'SE|9|0001',
    'GE|1|55',
    'IEA|1|000000555',
    '',
  ].join('\n');
}

/** Issue 18, items 1 and 4: the 855 tells what placement changed, and echoes the partner's ids. */
describe.each(dialects)('855 changes and partner ids, on %s', (dialect) => {
  let world: OrderWorld;
  let xyz: EdiWorld;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    xyz = await setUpXyzRetail(world, 100);
    await world.api.store.database.write((trx) =>
      trx
        .insertInto('sku_order_rules')
        .values(
          xyz.skuIds.slice(0, 2).map((skuId) => ({
            sku_id: skuId,
            min_order_quantity: 24,
            order_multiple: 1,
            rounding: 'round_up',
          })),
        )
        .execute(),
    );
  });
  afterAll(async () => world?.api.close());

  it('acknowledges rounded quantities and another price line by line, echoing every id', async () => {
    const caseGtin = gtinsOf(3).case;
    expect(caseGtin).toHaveLength(14);
    const received = await receiveInterchange(world.api.ctx, po(caseGtin), 'test');
    expect(received.status, received.errorReason ?? '').toBe('processed');
    const lines = await world.api.store.database.db
      .selectFrom('order_lines')
      .select(['sku_id', 'pack_level', 'quantity_ordered'])
      .where('order_id', '=', received.orderIds[0]!)
      .orderBy('line_number')
      .execute();
    expect(lines.map((l) => [l.sku_id, l.pack_level, l.quantity_ordered])).toEqual([
      [xyz.skuIds[0], 'each', 24],
      [xyz.skuIds[1], 'each', 24],
      [xyz.skuIds[2], 'case', 8],
    ]);
    const ack = segmentsOf(received.acks!.find((a) => a.setId === '855')!.raw);
    expect(ack.find((s) => s[0] === 'BAK')![2]).toBe('AC');
    const body = ack.filter((s) => s[0] === 'PO1' || s[0] === 'ACK');
    expect(body).toEqual([
      // 10 asked, 24 ordered at the CTP price (4.50 from 24): quantity changed.
      ['PO1', '1', '10', 'EA', '', '', 'CB', 'CAT-1', 'VN', 'AB3542'],
      ['ACK', 'IQ', '24', 'EA'],
      // 5 at 5.00 asked, 24 at 4.50 ordered: both changed, our price in PO1-04.
      ['PO1', '2', '5', 'EA', '4.5', 'PE', 'SK', 'S-2', 'VN', 'RD5322'],
      ['ACK', 'IC', '24', 'EA'],
      // Two cases at 18.00 by GTIN-14: accepted as sent, the UK qualifier kept.
      ['PO1', '3', '2', 'CA', '18', 'PE', 'UK', caseGtin, 'PR', 'RO'],
      ['ACK', 'IA', '2', 'CA'],
    ]);
  });
});

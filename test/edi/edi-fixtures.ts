import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { createPartner, addXref } from '../../src/app/edi/partners.js';
import { build997, verdictFor } from '../../src/core/edi/ack-997.js';
import { map850 } from '../../src/core/edi/po-850.js';
import { readInterchange, type Interchange } from '../../src/core/edi/x12-envelope.js';
import {
  clock,
  createCustomer,
  createSku,
  receive,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import { fixturePath } from '../support/shared-data.js';

/** The sample files (see test/fixtures/SOURCES.md for their sources and licences). */
export const EDI_DIR = fixturePath('edi');
export const sample = (name: string) => fs.readFileSync(path.join(EDI_DIR, name), 'utf8');

/** node-x12's 850 (MIT): XYZ RETAIL orders six widgets by vendor part number. */
export const PO_850 = sample('node-x12__850.edi');
export const VENDOR_PARTS = ['AB3542', 'RD5322', 'XY5266', 'VX2332', 'RV0524', 'DX1875'];
export const QUANTITIES = [120, 220, 126, 76, 72, 696];
/** N1*ST*XYZ RETAIL*9*0003947268292 in the sample. */
export const SHIP_TO_CODE = '0003947268292';

export interface EdiWorld {
  customerId: number;
  partnerId: number;
  skuIds: number[];
  shipToId: number;
}

/**
 * XYZ Retail as an EDI customer: a trading partner with the sample's ISA ids (12/4405197800),
 * a ship-to for its N1*ST code, and one SKU per sample vendor part in the cross-reference.
 * `stocked` eaches of every SKU are received, so some lines allocate and some backorder.
 */
export async function setUpXyzRetail(world: OrderWorld, stocked = 100): Promise<EdiWorld> {
  const customerId = await createCustomer(world, `XYZ-${world.skuCount}`);
  const shipTo = await world.api.store.database.write((trx) =>
    trx
      .insertInto('customer_ship_tos')
      .values({
        customer_id: customerId,
        code: SHIP_TO_CODE,
        name: 'XYZ RETAIL SOLON',
        line1: '31875 SOLON RD',
        line2: null,
        city: 'SOLON',
        region: 'OH',
        postal_code: '44139',
        country: 'US',
        is_default: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const skuIds: number[] = [];
  for (let i = 0; i < VENDOR_PARTS.length; i++) {
    const skuId = await createSku(world, false);
    if (stocked > 0) await receive(world, skuId, stocked);
    skuIds.push(skuId);
  }
  const partnerId = await world.api.store.database.write(async (trx) => {
    const partner = await createPartner(
      trx,
      {
        code: `XYZ${customerId}`,
        customerId,
        isaQualifier: '12',
        isaId: '4405197800',
        gsId: '4405197800',
        ourIsaQualifier: '01',
        ourIsaId: '999999999',
        ourGsId: '999999999',
        version: '004010',
      },
      clock(),
    );
    for (const [i, part] of VENDOR_PARTS.entries())
      await addXref(
        trx,
        partner.id,
        { kind: 'vendor_part', value: part, skuId: skuIds[i]!, packLevel: 'each' },
        clock(),
      );
    return partner.id;
  });
  return { customerId, partnerId, skuIds, shipToId: shipTo.id };
}

/** The same interchange under another ISA13/IEA02 control number (a new file, not a re-send). */
export function withControl(raw: string, control: number): string {
  const nine = String(control).padStart(9, '0');
  return raw.replace('*000003438*', `*${nine}*`).replace('IEA*1*000003438', `IEA*1*${nine}`);
}

/** The segments of the one set of an outbound interchange, as arrays of elements. */
export function segmentsOf(raw: string): string[][] {
  const parsed = readInterchange(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(parsed.value.notes).toEqual([]);
  return parsed.value.groups[0]!.sets[0]!.segments.map((s) => [...s.elements]);
}

/** An interchange that must read. */
export function read(raw: string): Interchange {
  const parsed = readInterchange(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** The 997 a partner would get for the first group, as arrays of elements. */
export function ack(interchange: Interchange, version: '004010' | '005010' = '004010'): string[][] {
  const group = interchange.groups[0]!;
  const verdicts = group.sets.map((set) => verdictFor(set, map850(set)));
  return build997(group, verdicts, version).segments.map((s) => [...s]);
}

import type { Tx } from '../../adapters/db/database.js';
import { isPriceLevel } from '../../core/pricing/price-resolver.js';
import { FailureError } from '../../core/shared/result.js';
import type { PartnerRow } from './partner-profile.js';

/** A trading-partner profile as the API takes it; separators default to * : ^ ~. */
export interface PartnerInput {
  code: string;
  customerId: number;
  isaQualifier: string;
  isaId: string;
  gsId: string;
  ourIsaQualifier: string;
  ourIsaId: string;
  ourGsId: string;
  version: '004010' | '005010';
  elementSeparator?: string | undefined;
  componentSeparator?: string | undefined;
  repetitionSeparator?: string | undefined;
  segmentTerminator?: string | undefined;
  send997?: boolean | undefined;
  send855?: boolean | undefined;
  usage?: 'P' | 'T' | undefined;
  /** The supplier this partner is, when it sends us 856 ship notices. */
  supplierId?: number | undefined;
}

export interface PartnerView {
  id: number;
  code: string;
  customerId: number;
  isaQualifier: string;
  isaId: string;
  gsId: string;
  ourIsaQualifier: string;
  ourIsaId: string;
  ourGsId: string;
  version: string;
  separators: { element: string; component: string; repetition: string; segment: string };
  send997: boolean;
  send855: boolean;
  usage: string;
  active: boolean;
  supplierId: number | null;
}

export function partnerView(p: PartnerRow): PartnerView {
  return {
    id: p.id,
    code: p.code,
    customerId: p.customer_id,
    isaQualifier: p.isa_qualifier,
    isaId: p.isa_id,
    gsId: p.gs_id,
    ourIsaQualifier: p.our_isa_qualifier,
    ourIsaId: p.our_isa_id,
    ourGsId: p.our_gs_id,
    version: p.version,
    separators: {
      element: p.element_separator,
      component: p.component_separator,
      repetition: p.repetition_separator,
      segment: p.segment_terminator,
    },
    send997: p.send_997 === 1,
    send855: p.send_855 === 1,
    usage: p.usage,
    active: p.active === 1,
    supplierId: p.supplier_id,
  };
}

/** Sets up a partner; refuses a second partner with the same code or ISA sender id. */
export async function createPartner(trx: Tx, input: PartnerInput, now: Date): Promise<PartnerView> {
  const customer = await trx
    .selectFrom('customers')
    .select('id')
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer)
    throw new FailureError({
      code: 'CUSTOMER.NOT_FOUND',
      message: `No customer ${input.customerId}`,
    });
  if (input.supplierId !== undefined) {
    const supplier = await trx
      .selectFrom('suppliers')
      .select('id')
      .where('id', '=', input.supplierId)
      .executeTakeFirst();
    if (!supplier)
      throw new FailureError({
        code: 'PURCHASING.SUPPLIER_NOT_FOUND',
        message: `No supplier ${input.supplierId}`,
      });
  }
  const taken = await trx
    .selectFrom('trading_partners')
    .select('code')
    .where((eb) =>
      eb.or([
        eb('code', '=', input.code),
        eb.and([eb('isa_qualifier', '=', input.isaQualifier), eb('isa_id', '=', input.isaId)]),
      ]),
    )
    .executeTakeFirst();
  if (taken)
    throw new FailureError({
      code: 'EDI.PARTNER_ALREADY_EXISTS',
      message: `Partner ${taken.code} already has this code or ISA id`,
    });
  const separators = [
    input.elementSeparator ?? '*',
    input.componentSeparator ?? ':',
    input.repetitionSeparator ?? '^',
    input.segmentTerminator ?? '~',
  ];
  if (
    new Set(separators).size !== 4 ||
    separators.some((s) => (s.length !== 1 && s !== '\r\n') || /[A-Za-z0-9 ]/.test(s))
  )
    throw new FailureError({
      code: 'EDI.BAD_SEPARATORS',
      message: 'The four separators must be distinct, single, non-alphanumeric characters',
      details: { separators },
    });
  const nowIso = now.toISOString();
  const row = await trx
    .insertInto('trading_partners')
    .values({
      code: input.code,
      customer_id: input.customerId,
      isa_qualifier: input.isaQualifier,
      isa_id: input.isaId,
      gs_id: input.gsId,
      our_isa_qualifier: input.ourIsaQualifier,
      our_isa_id: input.ourIsaId,
      our_gs_id: input.ourGsId,
      version: input.version,
      element_separator: separators[0]!,
      component_separator: separators[1]!,
      repetition_separator: separators[2]!,
      segment_terminator: separators[3]!,
      send_997: input.send997 === false ? 0 : 1,
      send_855: input.send855 === false ? 0 : 1,
      usage: input.usage ?? 'P',
      active: 1,
      supplier_id: input.supplierId ?? null,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return partnerView(row);
}

export async function loadPartner(trx: Tx, id: number): Promise<PartnerRow> {
  const row = await trx
    .selectFrom('trading_partners')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new FailureError({ code: 'EDI.PARTNER_NOT_FOUND', message: `No trading partner ${id}` });
  return row;
}

export interface XrefInput {
  kind: 'buyer_part' | 'vendor_part' | 'gtin';
  value: string;
  skuId: number;
  packLevel: string;
}

export interface XrefView extends XrefInput {
  id: number;
  partnerId: number;
}

/** Adds one partner item number → SKU and pack level. */
export async function addXref(
  trx: Tx,
  partnerId: number,
  input: XrefInput,
  now: Date,
): Promise<XrefView> {
  await loadPartner(trx, partnerId);
  if (!isPriceLevel(input.packLevel))
    throw new FailureError({
      code: 'EDI.BAD_PACK_LEVEL',
      message: `No pack level ${input.packLevel}`,
    });
  const sku = await trx
    .selectFrom('skus')
    .select('id')
    .where('id', '=', input.skuId)
    .executeTakeFirst();
  if (!sku)
    throw new FailureError({ code: 'CATALOG.SKU_NOT_FOUND', message: `No SKU ${input.skuId}` });
  const taken = await trx
    .selectFrom('partner_item_xref')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('kind', '=', input.kind)
    .where('value', '=', input.value)
    .executeTakeFirst();
  if (taken)
    throw new FailureError({
      code: 'EDI.XREF_ALREADY_EXISTS',
      message: `${input.kind} ${input.value} is already mapped`,
    });
  const row = await trx
    .insertInto('partner_item_xref')
    .values({
      partner_id: partnerId,
      kind: input.kind,
      value: input.value,
      sku_id: input.skuId,
      pack_level: input.packLevel,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, partnerId, ...input };
}

export async function listXref(trx: Tx, partnerId: number): Promise<XrefView[]> {
  const rows = await trx
    .selectFrom('partner_item_xref')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partnerId: r.partner_id,
    kind: r.kind as XrefInput['kind'],
    value: r.value,
    skuId: r.sku_id,
    packLevel: r.pack_level,
  }));
}

export async function deleteXref(trx: Tx, partnerId: number, xrefId: number): Promise<void> {
  const deleted = await trx
    .deleteFrom('partner_item_xref')
    .where('id', '=', xrefId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0)
    throw new FailureError({ code: 'EDI.XREF_NOT_FOUND', message: `No cross-reference ${xrefId}` });
}

import type { Selectable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { TradingPartnerTable } from '../../adapters/db/schema-edi.js';
import type {
  EnvelopeProfile,
  OutboundInterchange,
  OutboundSet,
} from '../../core/edi/x12-writer.js';
import { writeInterchange } from '../../core/edi/x12-writer.js';
import { nextSerial } from '../fulfillment/packing/sscc-serial.js';

export type PartnerRow = Selectable<TradingPartnerTable>;

/** The partner an inbound interchange comes from: its ISA sender qualifier and id. */
export async function partnerBySender(
  trx: Tx,
  qualifier: string,
  isaId: string,
): Promise<PartnerRow | undefined> {
  return trx
    .selectFrom('trading_partners')
    .selectAll()
    .where('isa_qualifier', '=', qualifier.trim())
    .where('isa_id', '=', isaId.trim())
    .executeTakeFirst();
}

/** How we write to a partner: their ids as receiver, ours as sender, their separators. */
export function envelopeProfile(partner: PartnerRow): EnvelopeProfile {
  return {
    separators: {
      element: partner.element_separator,
      component: partner.component_separator,
      repetition: partner.repetition_separator,
      segment: partner.segment_terminator,
    },
    version: partner.version === '005010' ? '005010' : '004010',
    ourQualifier: partner.our_isa_qualifier,
    ourIsaId: partner.our_isa_id,
    ourGsId: partner.our_gs_id,
    theirQualifier: partner.isa_qualifier,
    theirIsaId: partner.isa_id,
    theirGsId: partner.gs_id,
    usage: partner.usage,
  };
}

/** Functional group ids (GS01) per set we send. */
const FUNCTIONAL_ID: Record<string, string> = {
  '997': 'FA',
  '855': 'PR',
  '856': 'SH',
  '810': 'IN',
};

export interface OutboundLinks {
  ackOf?: number | null;
  shipmentId?: number | null;
  invoiceId?: number | null;
  orderIds?: number[];
}

/**
 * Writes one outbound interchange with the partner's next control numbers and stores it as
 * `ready` for the outbox. Control numbers come from the sequences table, one row per partner
 * and envelope level, inside the caller's transaction: a rolled-back send gives its number back.
 */
export async function storeOutbound(
  trx: Tx,
  partner: PartnerRow,
  set: OutboundSet,
  links: OutboundLinks,
  at: Date,
): Promise<{ id: number; raw: string; controlNumber: string }> {
  const interchangeControl = await nextSerial(trx, `edi:isa:${partner.id}`);
  const groupControl = await nextSerial(trx, `edi:gs:${partner.id}`);
  const out: OutboundInterchange = {
    interchangeControl,
    groupControl,
    functionalId: FUNCTIONAL_ID[set.setId] ?? 'ZZ',
    sets: [set],
    at,
  };
  const raw = writeInterchange(envelopeProfile(partner), out);
  const controlNumber = String(interchangeControl).padStart(9, '0');
  const nowIso = at.toISOString();
  const row = await trx
    .insertInto('edi_interchanges')
    .values({
      direction: 'out',
      partner_id: partner.id,
      control_number: controlNumber,
      set_id: set.setId,
      raw,
      status: 'ready',
      error_reason: null,
      order_ids: JSON.stringify(links.orderIds ?? []),
      outcome: '{}',
      source: 'stockline',
      ack_of: links.ackOf ?? null,
      duplicate_of: null,
      shipment_id: links.shipmentId ?? null,
      invoice_id: links.invoiceId ?? null,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, raw, controlNumber };
}

import { Type } from 'typebox';

/** What the edi routes answer on success (documented: see response-shapes.ts). */
export const EdiInterchangeOut = Type.Object({
  id: Type.Number(),
  direction: Type.String(),
  partnerId: Type.Union([Type.Null(), Type.Number()]),
  controlNumber: Type.String(),
  setId: Type.String(),
  status: Type.String(),
  errorReason: Type.Union([Type.Null(), Type.String()]),
  orderIds: Type.Array(Type.Number()),
  outcome: Type.Object({
    notes: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
    sets: Type.Array(
      Type.Object({
        groupControl: Type.String(),
        setId: Type.String(),
        controlNumber: Type.String(),
        status: Type.Union([Type.Literal('A'), Type.Literal('E'), Type.Literal('R')]),
        orderId: Type.Union([Type.Null(), Type.Number()]),
        problems: Type.Array(Type.String()),
        segmentErrors: Type.Array(
          Type.Object({
            segmentId: Type.String(),
            position: Type.Number(),
            code: Type.String(),
            elements: Type.Array(
              Type.Object({
                position: Type.Unknown(),
                code: Type.Unknown(),
                badValue: Type.Optional(Type.Unknown()),
              }),
            ),
            message: Type.String(),
          }),
        ),
        refusal: Type.Optional(Type.Union([Type.Null(), Type.String()])),
      }),
    ),
  }),
  source: Type.String(),
  duplicateOf: Type.Union([Type.Null(), Type.Number()]),
  ackOf: Type.Union([Type.Null(), Type.Number()]),
  shipmentId: Type.Union([Type.Null(), Type.Number()]),
  invoiceId: Type.Union([Type.Null(), Type.Number()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  raw: Type.Optional(Type.String()),
  acks: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Number(),
        setId: Type.String(),
        controlNumber: Type.String(),
        status: Type.String(),
        raw: Type.String(),
      }),
    ),
  ),
});

export const EdiInterchangesOut = Type.Object({
  items: Type.Array(EdiInterchangeOut),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
});

export const EdiInterchangeReprocessOut = EdiInterchangeOut;

export const EdiPartnersOut = Type.Object({
  id: Type.Number(),
  code: Type.String(),
  customerId: Type.Number(),
  isaQualifier: Type.String(),
  isaId: Type.String(),
  gsId: Type.String(),
  ourIsaQualifier: Type.String(),
  ourIsaId: Type.String(),
  ourGsId: Type.String(),
  version: Type.String(),
  separators: Type.Object({
    element: Type.String(),
    component: Type.String(),
    repetition: Type.String(),
    segment: Type.String(),
  }),
  send997: Type.Boolean(),
  send855: Type.Boolean(),
  usage: Type.String(),
  active: Type.Boolean(),
});

export const EdiPartners2Out = Type.Object({ items: Type.Array(EdiPartnersOut) });

export const EdiPartnerOut = EdiPartnersOut;

export const EdiPartnerItems2Out = Type.Object({
  id: Type.Number(),
  partnerId: Type.Number(),
  kind: Type.Union([Type.Literal('gtin'), Type.Literal('buyer_part'), Type.Literal('vendor_part')]),
  value: Type.String(),
  skuId: Type.Number(),
  packLevel: Type.String(),
});

export const EdiPartnerItemsOut = Type.Object({ items: Type.Array(EdiPartnerItems2Out) });

export const EdiPartnerItemDeleteOut = Type.Object({ deleted: Type.Number() });

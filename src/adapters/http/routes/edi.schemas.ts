import { Type } from 'typebox';
import { PageQuery } from '../pagination.js';

const Id = Type.Integer({ minimum: 1 });
const Separator = Type.String({ minLength: 1, maxLength: 2 });

export const IdParams = Type.Object({ id: Id });
export const XrefParams = Type.Object({ id: Id, xrefId: Id });

/** The X12 text as a text/plain body, or JSON `{ "x12": "ISA*…" }`. */
export const InterchangeIn = Type.Union([
  Type.String({ minLength: 1, maxLength: 5_000_000 }),
  Type.Object(
    { x12: Type.String({ minLength: 1, maxLength: 5_000_000 }) },
    { additionalProperties: false },
  ),
]);

export const InterchangeQuery = Type.Object({
  direction: Type.Optional(Type.Union([Type.Literal('in'), Type.Literal('out')])),
  status: Type.Optional(
    Type.Union(
      ['received', 'processed', 'error', 'duplicate', 'ready', 'sent'].map((s) => Type.Literal(s)),
    ),
  ),
  partnerId: Type.Optional(Id),
  ...PageQuery,
});

export const PartnerIn = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    customerId: Id,
    isaQualifier: Type.String({ minLength: 2, maxLength: 2 }),
    isaId: Type.String({ minLength: 1, maxLength: 15 }),
    gsId: Type.String({ minLength: 1, maxLength: 15 }),
    ourIsaQualifier: Type.String({ minLength: 2, maxLength: 2 }),
    ourIsaId: Type.String({ minLength: 1, maxLength: 15 }),
    ourGsId: Type.String({ minLength: 1, maxLength: 15 }),
    version: Type.Union([Type.Literal('004010'), Type.Literal('005010')]),
    elementSeparator: Type.Optional(Separator),
    componentSeparator: Type.Optional(Separator),
    repetitionSeparator: Type.Optional(Separator),
    segmentTerminator: Type.Optional(Separator),
    send997: Type.Optional(Type.Boolean()),
    send855: Type.Optional(Type.Boolean()),
    usage: Type.Optional(Type.Union([Type.Literal('P'), Type.Literal('T')])),
    supplierId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The supplier this partner is: its 856 ship notices are taken, for its POs',
      }),
    ),
  },
  { additionalProperties: false },
);

export const XrefIn = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('buyer_part'),
      Type.Literal('vendor_part'),
      Type.Literal('gtin'),
    ]),
    value: Type.String({ minLength: 1, maxLength: 48 }),
    skuId: Id,
    packLevel: Type.Union([Type.Literal('each'), Type.Literal('case'), Type.Literal('pallet')]),
  },
  { additionalProperties: false },
);

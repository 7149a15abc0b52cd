import { Type } from 'typebox';
import { ASN_STATUSES } from '../../../core/receiving/asn-status.js';

const Id = Type.Integer({ minimum: 1 });

export const AsnParams = Type.Object({ id: Id });

export const SsccScanIn = Type.Object(
  {
    warehouseId: Id,
    scan: Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'The pallet or carton label as scanned: SSCC-18 alone, or GS1-128 with AI (00) (`]C1`, GS, `(00)…`)',
    }),
  },
  { additionalProperties: false },
);

export const SsccScanOut = Type.Object(
  {
    asnId: Type.Integer(),
    sscc: Type.String(),
    containersReceived: Type.Array(Type.String()),
    receipts: Type.Array(
      Type.Object({ receiptId: Type.Integer() }, { additionalProperties: true }),
    ),
    notBooked: Type.Array(
      Type.Object(
        {
          sscc: Type.String(),
          lineRef: Type.String(),
          skuId: Type.Union([Type.Integer(), Type.Null()]),
          quantity: Type.Union([Type.Integer(), Type.Null()]),
          discrepancy: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    asnStatus: Type.String(),
  },
  { additionalProperties: false },
);

export const AsnQuery = Type.Object(
  {
    purchaseOrderId: Type.Optional(Id),
    status: Type.Optional(Type.Union(ASN_STATUSES.map((s) => Type.Literal(s)))),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

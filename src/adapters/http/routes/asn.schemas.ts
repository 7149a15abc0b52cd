import { Type, type TSchema } from 'typebox';
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

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const AsnItemOut = Type.Object({
  lineRef: Type.String(),
  productIds: Type.Array(Type.Object({ qualifier: Type.String(), value: Type.String() })),
  shippedQuantity: Type.Number(),
  shippedUnit: Type.String(),
  purchaseOrderId: Type.Number(),
  purchaseOrderLineId: Nullable(Type.Number()),
  skuId: Nullable(Type.Number()),
  quantity: Nullable(Type.Number()),
  lotCode: Nullable(Type.String()),
  expiryDate: Nullable(Type.String()),
  discrepancy: Nullable(Type.String()),
  receiptId: Nullable(Type.Number()),
});

/** A ship notice with its containers (pallets T, cartons P), what is unscanned, discrepancies. */
export const AsnOut = Type.Object({
  id: Type.Number(),
  partnerId: Type.Number(),
  interchangeId: Type.Number(),
  shipmentNumber: Type.String(),
  shipDate: Nullable(Type.String()),
  status: Type.String({
    description: 'expected, partially_received, received, received_with_discrepancies',
  }),
  closedAt: Nullable(Type.String()),
  purchaseOrders: Type.Array(Type.Object({ id: Type.Number(), number: Type.String() })),
  containers: Type.Array(
    Type.Object({
      sscc: Type.String(),
      level: Type.String({ description: 'T pallet, P carton' }),
      parentSscc: Nullable(Type.String()),
      receivedAt: Nullable(Type.String()),
      items: Type.Array(AsnItemOut),
    }),
  ),
  notScanned: Type.Array(Type.String()),
  discrepancies: Type.Array(
    Type.Object({
      kind: Type.String(),
      sscc: Type.String(),
      lineRef: Nullable(Type.String()),
      skuId: Nullable(Type.Number()),
      quantity: Nullable(Type.Number()),
      message: Type.String(),
    }),
  ),
});

export const AsnListOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      shipmentNumber: Type.String(),
      shipDate: Nullable(Type.String()),
      status: Type.String(),
      closedAt: Nullable(Type.String()),
      createdAt: Type.String(),
    }),
  ),
});

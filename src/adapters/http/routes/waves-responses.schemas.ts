import { Type } from 'typebox';

/** What the waves routes answer on success (documented: see response-shapes.ts). */
export const WavesOut = Type.Object({
  id: Type.Number(),
  warehouseId: Type.Number(),
  status: Type.Literal('released'),
  pickMode: Type.Union([Type.Literal('zone'), Type.Literal('discrete'), Type.Literal('batch')]),
  carrierCode: Type.Union([Type.Null(), Type.String()]),
  cutoff: Type.Union([Type.Null(), Type.String()]),
  orderIds: Type.Array(Type.Number()),
  tasks: Type.Number(),
  units: Type.Number(),
});

export const WavePickListOut = Type.Object({
  wave: Type.Object({
    id: Type.Number(),
    warehouseId: Type.Number(),
    warehouseName: Type.String(),
    status: Type.String(),
    pickMode: Type.String(),
    carrierCode: Type.Union([Type.Null(), Type.String()]),
    cutoff: Type.Union([Type.Null(), Type.String()]),
    createdAt: Type.String(),
    releasedAt: Type.Union([Type.Null(), Type.String()]),
    completedAt: Type.Union([Type.Null(), Type.String()]),
    orderIds: Type.Array(Type.Number()),
  }),
  tasks: Type.Array(
    Type.Object({
      taskId: Type.Number(),
      sequence: Type.Number(),
      status: Type.String(),
      zone: Type.Union([Type.Null(), Type.String()]),
      location: Type.Object({
        id: Type.Number(),
        code: Type.String(),
        barcode: Type.Union([Type.Null(), Type.String()]),
      }),
      sku: Type.Object({
        id: Type.Number(),
        code: Type.String(),
        name: Type.String(),
        gtin: Type.Union([Type.Null(), Type.String()]),
      }),
      lot: Type.Union([
        Type.Null(),
        Type.Object({ code: Type.String(), expiryDate: Type.Union([Type.Null(), Type.String()]) }),
      ]),
      quantity: Type.Number(),
      pickedQuantity: Type.Number(),
      shortQuantity: Type.Number(),
      remaining: Type.Number(),
      caseQuantity: Type.Union([Type.Null(), Type.Number()]),
      cases: Type.Number(),
      eaches: Type.Number(),
      tote: Type.Union([Type.Null(), Type.String()]),
      orders: Type.Array(
        Type.Object({
          orderId: Type.Number(),
          customerPo: Type.Union([Type.Null(), Type.String()]),
          quantity: Type.Number(),
          pickedQuantity: Type.Number(),
        }),
      ),
    }),
  ),
});

export const PickTaskConfirmOut = Type.Object({
  taskId: Type.Number(),
  waveId: Type.Number(),
  quantity: Type.Number(),
  taskStatus: Type.String(),
  pickedQuantity: Type.Number(),
  remaining: Type.Number(),
  waveStatus: Type.String(),
  orders: Type.Array(
    Type.Object({
      orderId: Type.Number(),
      status: Type.String(),
      allocated: Type.Number(),
      picked: Type.Number(),
      received: Type.Number(),
    }),
  ),
});

export const PickTaskShortOut = Type.Object({
  taskId: Type.Number(),
  waveId: Type.Number(),
  taskStatus: Type.String(),
  shortQuantity: Type.Number(),
  countTaskId: Type.Number(),
  reallocated: Type.Number(),
  backordered: Type.Number(),
  newTaskIds: Type.Array(Type.Number()),
  waveStatus: Type.String(),
  orders: Type.Array(
    Type.Object({
      orderId: Type.Number(),
      status: Type.String(),
      allocated: Type.Number(),
      picked: Type.Number(),
    }),
  ),
});

import type { Tx } from '../../../adapters/db/database.js';
import type {
  CartonLabelData,
  LabelAddress,
  LabelCarrier,
} from '../../../adapters/labels/label.types.js';
import { FailureError } from '../../../core/shared/result.js';
import { orderNumber } from '../../orders/order-views.js';

/** A carrier's printable name by code (from the carrier registry at the edge). */
export type CarrierNames = (code: string) => string | undefined;

/** Printed before a carrier is chosen; the label is reprinted at shipping. */
const UNASSIGNED = 'Carrier to be assigned';

const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function address(a: {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}): LabelAddress {
  return {
    name: a.name,
    lines: a.line2 ? [a.line1, a.line2] : [a.line1],
    city: a.city,
    postalCode: a.postalCode,
    ...optional('region', a.region),
    country: a.country,
  };
}

/** The order's header facts for documents: number, PO, where from (warehouse), where to (ship-to or bill-to). */
export async function documentHeader(db: Tx, orderId: number) {
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw new FailureError({ code: 'ORDER.NOT_FOUND', message: `No order ${orderId}` });
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', order.customer_id)
    .executeTakeFirstOrThrow();
  const shipTo = order.ship_to_id
    ? await db
        .selectFrom('customer_ship_tos')
        .selectAll()
        .where('id', '=', order.ship_to_id)
        .executeTakeFirst()
    : undefined;
  const warehouse = order.warehouse_id
    ? await db
        .selectFrom('warehouses')
        .selectAll()
        .where('id', '=', order.warehouse_id)
        .executeTakeFirst()
    : undefined;
  if (!warehouse) {
    throw new FailureError({
      code: 'PACK.NO_WAREHOUSE',
      message: `Order ${orderId} has no warehouse yet`,
    });
  }
  const to = shipTo
    ? address({ ...shipTo, postalCode: shipTo.postal_code })
    : address({
        name: customer.name,
        line1: customer.bill_to_line1,
        line2: customer.bill_to_line2,
        city: customer.bill_to_city,
        region: customer.bill_to_region,
        postalCode: customer.bill_to_postal_code,
        country: customer.bill_to_country,
      });
  const from = address({
    name: warehouse.name,
    line1: warehouse.address_line1,
    line2: warehouse.address_line2,
    city: warehouse.city,
    region: warehouse.region,
    postalCode: warehouse.postal_code,
    country: warehouse.country,
  });
  return {
    order,
    orderNumber: orderNumber(order.id),
    ...optional('customerPo', order.customer_po),
    shipFrom: from,
    shipTo: to,
  };
}

/**
 * The carrier block of a document: the shipment's carrier, and the tracking number of the
 * parcel the document goes with (a carton's own number, or the shipment's PRO).
 */
export function labelCarrier(
  shipment: { carrier_code: string; service: string; tracking_number: string | null } | undefined,
  names: CarrierNames,
  parcelTracking?: string | null,
): LabelCarrier {
  if (!shipment) return { name: UNASSIGNED };
  return {
    name: names(shipment.carrier_code) ?? shipment.carrier_code,
    service: shipment.service,
    ...optional('trackingNumber', parcelTracking ?? shipment.tracking_number?.split(/[ ,]/)[0]),
  };
}

/**
 * What the carton label of `cartonId` prints. Numbered within its shipment once shipped,
 * within the order's cartons before. `PACK.CARTON_NOT_FOUND` when there is none.
 */
export async function cartonLabelData(
  db: Tx,
  cartonId: number,
  names: CarrierNames,
): Promise<CartonLabelData> {
  const carton = await db
    .selectFrom('cartons')
    .selectAll()
    .where('id', '=', cartonId)
    .executeTakeFirst();
  if (!carton)
    throw new FailureError({ code: 'PACK.CARTON_NOT_FOUND', message: `No carton ${cartonId}` });
  const { order: _order, ...header } = await documentHeader(db, carton.order_id);
  const siblings = await db
    .selectFrom('cartons')
    .select('id')
    .where('order_id', '=', carton.order_id)
    .$if(carton.shipment_id !== null, (q) => q.where('shipment_id', '=', carton.shipment_id))
    .orderBy('id')
    .execute();
  const shipment = carton.shipment_id
    ? await db
        .selectFrom('shipments')
        .selectAll()
        .where('id', '=', carton.shipment_id)
        .executeTakeFirst()
    : undefined;
  return {
    ...header,
    sscc: carton.sscc,
    // This carton's own parcel number: carton 2 never prints carton 1's.
    carrier: labelCarrier(shipment, names, carton.tracking_number),
    cartonNumber: siblings.findIndex((s) => s.id === carton.id) + 1,
    cartonCount: siblings.length,
    weightGrams: carton.weight_g,
  };
}

import { Type, type TSchema } from 'typebox';
import { ORDER_STATUSES } from '../../core/orders/order-status.js';

/** One event type a webhook endpoint can receive: its aggregate, what it means, its `data`. */
interface WebhookEvent {
  readonly aggregate: string;
  readonly summary: string;
  readonly data: TSchema;
}

const Id = Type.Integer({ minimum: 1 });
/** Payloads grow over time: documented keys are required, others may come. */
const open = (properties: Record<string, TSchema>) =>
  Type.Object(properties, { additionalProperties: true });
const Money = Type.Integer();
const OrderData = open({ orderId: Id, actor: Type.String() });

/** Order timeline events that are not a status of their own. */
const ORDER_EVENTS: Record<string, string> = {
  created: 'An order was placed (draft, held or confirmed)',
  held: 'An order waits for approval (account hold or credit limit)',
  edited: 'An order was changed',
  line_cancelled: 'One line of an order was cancelled',
  short_picked: 'A pick came up short; the rest is re-allocated or backordered',
  carton_opened: 'A carton was opened for the order at the packing bench',
  carton_closed: 'A carton of the order was closed',
  shipment_delivered: 'One shipment of the order was delivered (others are still out)',
  booking_failed:
    "The carrier refused a shipment's booking (reason in code and message); retryable",
  shipment_booked: 'A shipment whose booking had failed was booked on a retry',
  shipment_exception:
    'The carrier reported an exception on a parcel of the order (see shipment.exception)',
  return_authorized: 'A return (RMA) was authorized for the order',
  return_disposed: 'Returned goods were disposed of',
};

const orderEvents = (): Record<string, WebhookEvent> => {
  const events: Record<string, WebhookEvent> = {};
  for (const status of ORDER_STATUSES)
    events[`order.${status}`] = {
      aggregate: 'order',
      summary: `An order became ${status.replaceAll('_', ' ')}`,
      data: OrderData,
    };
  for (const [type, summary] of Object.entries(ORDER_EVENTS))
    events[`order.${type}`] = { aggregate: 'order', summary, data: OrderData };
  return events;
};

const plain = (aggregate: string, summary: string, data: TSchema = open({})): WebhookEvent => ({
  aggregate,
  summary,
  data,
});

/** Every event type the outbox publishes to webhooks and NATS, with its payload (`data`). */
export const WEBHOOK_EVENTS: Readonly<Record<string, WebhookEvent>> = {
  ...orderEvents(),
  'shipment.created': plain(
    'shipment',
    'Cartons left the dock: carrier, parcel numbers, cost, promised date, invoice',
    open({
      shipmentId: Id,
      orderId: Id,
      carrierCode: Type.String(),
      service: Type.String(),
      trackingNumbers: Type.Array(Type.String()),
      costMinor: Money,
      currency: Type.String(),
      promisedDate: Type.String({ format: 'date' }),
      cartonIds: Type.Array(Id),
    }),
  ),
  'shipment.delivered': plain(
    'shipment',
    'A shipment was delivered (proof of delivery)',
    open({
      orderId: Id,
      shipmentId: Id,
      deliveredAt: Type.String(),
      onTime: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
  'shipment.exception': plain(
    'shipment',
    'The carrier reported an exception on a parcel: refused, returned to sender, lost, failed delivery',
    open({
      orderId: Id,
      shipmentId: Id,
      trackingNumber: Type.String(),
      occurredAt: Type.String({ format: 'date-time' }),
      detail: Type.Union([Type.String(), Type.Null()]),
      location: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  'invoice.issued': plain(
    'invoice',
    'An invoice was issued for shipped goods',
    open({
      invoiceId: Id,
      orderId: Id,
      customerId: Id,
      totalMinor: Money,
      currency: Type.String(),
    }),
  ),
  'customer.hold_placed': plain('customer', 'An account was put on hold'),
  'customer.hold_released': plain('customer', "An account's hold was released"),
  'stock.received': plain('stock', 'Stock was received into a location'),
  'stock.adjusted': plain('stock', 'On-hand stock was adjusted (with a reason code)'),
  'stock.moved': plain('stock', 'Stock moved between locations'),
  'stock.status_changed': plain('stock', 'Stock changed status (quarantine, damaged, available)'),
  'stock.transfer_dispatched': plain('transfer', 'A transfer left its warehouse'),
  'stock.transfer_received': plain('transfer', 'A transfer arrived'),
  'count.submitted': plain('count', 'A cycle count was submitted'),
  'count.approved': plain('count', 'A cycle count was approved and posted'),
  'count.rejected': plain('count', 'A cycle count was rejected for a recount'),
  'count.cancelled': plain('count', 'A cycle count was cancelled'),
  'purchase_order.created': plain('purchase_order', 'A purchase order was created'),
  'purchase_order.received': plain('purchase_order', 'Goods were received against a PO'),
  'move_task.done': plain('move_task', 'A put-away or move task was confirmed'),
  'replenishment_suggestion.dismissed': plain(
    'replenishment_suggestion',
    'A replenishment suggestion was dismissed',
  ),
  'return.credit_memo': plain('return', 'A credit memo was issued for a return'),
  'webhook.ping': plain('webhook', 'A test delivery asked for with /ping'),
};

/** What a receiver gets for one event type: the Standard Webhooks body with its `data`. */
export function webhookEnvelope(type: string, event: WebhookEvent): TSchema {
  return Type.Object(
    {
      id: Type.String({ description: 'The event id; the same on every retry (webhook-id)' }),
      type: Type.Literal(type),
      timestamp: Type.String({ description: 'When the change was committed (ISO-8601 UTC)' }),
      aggregateType: Type.String({ description: `What changed, e.g. ${event.aggregate}` }),
      aggregateId: Type.String(),
      data: event.data,
    },
    { additionalProperties: false },
  );
}

/** The OpenAPI 3.1 `webhooks` section: one POST we send per event type. */
export function openApiWebhooks(): Record<string, unknown> {
  const webhooks: Record<string, unknown> = {};
  for (const [type, event] of Object.entries(WEBHOOK_EVENTS))
    webhooks[type] = {
      post: {
        summary: event.summary,
        description:
          'Signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). Answer 2xx within 10 s.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: webhookEnvelope(type, event) } },
        },
        responses: { '200': { description: 'Received (any 2xx)' } },
      },
    };
  return webhooks;
}

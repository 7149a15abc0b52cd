/** What the receiving and put-away screens read from the API (generated types). */
import type { ApiBody, ApiItem } from '../../api/types';

export type PurchaseOrderDetail = ApiBody<'/api/v1/purchase-orders/{id}', 'get'>;
export type PurchaseOrderHead = ApiItem<'/api/v1/purchase-orders'>;
export type PurchaseOrderLine = PurchaseOrderDetail['lines'][number];

/** The answer to one receipt scan. */
export type Receipt = ApiBody<'/api/v1/purchase-orders/{id}/receipts', 'post'>;

/** A put-away (or replenishment) task as the floor sees it. */
export type MoveTask = ApiItem<'/api/v1/move-tasks'>;

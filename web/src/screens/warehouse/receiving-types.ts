/** What the receiving and put-away screens read from the API. */

export interface PurchaseOrderHead {
  id: number;
  number: string;
  supplierId: number;
  supplierCode?: string;
  warehouseId: number;
  status: string;
  expectedDate: string | null;
}

export interface PurchaseOrderLine {
  id: number;
  lineNumber: number;
  skuId: number;
  skuCode: string;
  quantityOrdered: number;
  quantityReceived: number;
  quantityDamaged: number;
  quantityOpen: number;
}

export interface PurchaseOrderDetail extends PurchaseOrderHead {
  lines: PurchaseOrderLine[];
}

/** The answer to one receipt scan. */
export interface Receipt {
  receiptId: number;
  skuId: number;
  quantity: number;
  damaged: boolean;
  putawayTaskIds: number[];
}

/** A put-away (or replenishment) task as the floor sees it. */
export interface MoveTask {
  id: number;
  kind: string;
  status: string;
  skuId: number;
  skuCode: string;
  lotCode: string | null;
  quantity: number;
  fromLocationCode: string;
  suggestedLocationCode: string | null;
}

/** The API shapes the screens read (camelCase JSON, integer money and quantities). */
export interface Order {
  id: number;
  orderNumber: string;
  customerId: number;
  customerPo: string | null;
  status: string;
  holdReason: string | null;
  warehouseId: number | null;
  priority: number;
  currency: string;
  totalMinor: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderLine {
  id: number;
  lineNumber: number;
  skuId: number;
  packLevel: string;
  packQuantity: number;
  quantityOrdered: number;
  quantityAllocated: number;
  quantityPicked?: number;
  quantityShipped?: number;
  quantityBackordered: number;
  quantityCancelled: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  priceSource: string;
}

export interface OrderDetail extends Order {
  lines: OrderLine[];
  allocations: {
    id: number;
    lineId: number;
    skuId: number;
    locationCode: string;
    lotCode: string | null;
    expiryDate: string | null;
    quantity: number;
    remaining: number;
  }[];
  timeline: { type: string; actor: string; at: string; data: Record<string, unknown> }[];
}

export interface Customer {
  id: number;
  accountNumber: string;
  name: string;
  currency: string;
  onHold: boolean;
  priceListId: number | null;
}

export interface Pack {
  level: string;
  quantity: number;
  gtin: string | null;
}

export interface Sku {
  id: number;
  code: string;
  name: string;
  category: string;
  gtin: string | null;
  baseUnit: string;
  lotTracked: boolean;
  packs: Pack[];
}

export interface StockRow {
  skuId: number;
  skuCode: string;
  warehouseId: number | null;
  locationId: number | null;
  locationCode: string | null;
  lotId: number | null;
  lotCode: string | null;
  expiryDate: string | null;
  onHand: number;
  allocated: number;
  available: number;
  expired: number;
  quarantined: number;
  damaged: number;
  inTransit: number;
}

export interface Warehouse {
  id: number;
  code: string;
  name: string;
}

export interface PickTask {
  taskId: number;
  sequence: number;
  status: string;
  location: { id: number; code: string; barcode: string | null };
  sku: { id: number; code: string; name: string; gtin: string | null };
  lot: { code: string; expiryDate: string | null } | null;
  quantity: number;
  pickedQuantity: number;
  shortQuantity: number;
  remaining: number;
  caseQuantity: number | null;
  tote: string | null;
  orders: { orderId: number; quantity: number; pickedQuantity: number }[];
}

export interface PickList {
  wave: { id: number; status: string; pickMode: string; warehouseName: string; orderIds: number[] };
  tasks: PickTask[];
}

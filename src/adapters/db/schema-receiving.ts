import type { Generated } from 'kysely';

/** An RFID tag received: its EPC (24 upper-case hex digits) can be received only once. */
export interface ReceivedEpcTable {
  id: Generated<number>;
  epc: string;
  sku_id: number;
  /** GTIN-14 and serial the SGTIN-96 encodes. */
  gtin: string;
  serial: string;
  warehouse_id: number;
  receipt_id: number;
  received_at: string;
}

/** An RFID tag counted in a count task: once per task, however many times it was read. */
export interface CountedEpcTable {
  id: Generated<number>;
  count_task_id: number;
  epc: string;
  sku_id: number;
  counted_at: string;
}

export interface ReceivingTables {
  received_epcs: ReceivedEpcTable;
  counted_epcs: CountedEpcTable;
}

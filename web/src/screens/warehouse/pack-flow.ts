import type { ApiBody } from '../../api/types.js';

/** `GET /carriers`: each carrier's services are objects (code, name, mode, transit days). */
export type Carrier = ApiBody<'/api/v1/carriers', 'get'>[number];
export type CarrierService = Carrier['services'][number];
export type Carton = ApiBody<'/api/v1/cartons/{id}', 'get'>;
/** The parts of a carton the packing bench decides by. */
export type CartonState = Pick<Carton, 'id' | 'status' | 'shipmentId'> & {
  contents: Pick<Carton['contents'][number], 'orderLineId' | 'quantity'>[];
};
export type Shipment = ApiBody<'/api/v1/orders/{id}/shipments', 'get'>[number];

/** The parts of an order line (`GET /orders/:id`) the packing bench reads. */
export interface PickedLine {
  id: number;
  lineNumber: number;
  skuId: number;
  quantityPicked?: number;
}

/** One order line on the packing bench: picked so far, in cartons so far, still to pack. */
export interface LineToPack {
  lineId: number;
  lineNumber: number;
  skuId: number;
  picked: number;
  packed: number;
  left: number;
}

/** Per line, what was picked and how much of it is in a carton (open, closed or shipped). */
export function linesToPack(
  lines: readonly PickedLine[],
  cartons: readonly CartonState[],
): LineToPack[] {
  const packed = new Map<number, number>();
  for (const c of cartons)
    for (const item of c.contents)
      packed.set(item.orderLineId, (packed.get(item.orderLineId) ?? 0) + item.quantity);
  return lines
    .filter((l) => (l.quantityPicked ?? 0) > 0)
    .map((l) => {
      const picked = l.quantityPicked ?? 0;
      const inCartons = packed.get(l.id) ?? 0;
      return {
        lineId: l.id,
        lineNumber: l.lineNumber,
        skuId: l.skuId,
        picked,
        packed: inCartons,
        left: Math.max(0, picked - inCartons),
      };
    });
}

export type PackStep = 'open-carton' | 'scan-items' | 'close-carton' | 'ship' | 'shipped';

/**
 * What the packer does next: fill the open carton while picked goods are left, seal it when
 * all is in, ship sealed cartons that have not left, and say so once everything has gone.
 */
export function packStep(toPack: readonly LineToPack[], cartons: readonly CartonState[]): PackStep {
  const left = toPack.reduce((n, l) => n + l.left, 0);
  const open = cartons.some((c) => c.status === 'open');
  if (left > 0) return open ? 'scan-items' : 'open-carton';
  if (open) return 'close-carton';
  if (cartons.some((c) => c.status === 'closed' && c.shipmentId === null)) return 'ship';
  return cartons.length > 0 ? 'shipped' : 'open-carton';
}

/** Every carrier's services as choices for one select: value `CODE|service`, a readable label. */
export function serviceChoices(carriers: readonly Carrier[]): { value: string; label: string }[] {
  return carriers.flatMap((c) =>
    c.services.map((s) => ({
      value: `${c.code}|${s.code}`,
      label: `${c.name} — ${s.name}${s.transitDays > 0 ? ` (${s.transitDays} d)` : ''}`,
    })),
  );
}

/** An order scan: the order number as printed (SO-000123) or its id typed by hand. */
export function orderIdOf(scan: string): number | null {
  const match = /^(?:SO-?)?0*(\d{1,12})$/i.exec(scan.trim());
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

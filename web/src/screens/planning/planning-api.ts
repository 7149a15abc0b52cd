import { get, post } from '../../api/client';

/**
 * The planning API as this screen reads it. Field names follow the replenishment_suggestions
 * table in camelCase; anything missing shows as "—" rather than breaking the screen.
 */
export interface Suggestion {
  id: number;
  supplierId: number;
  supplierName?: string;
  supplierCode?: string;
  warehouseId: number;
  skuId: number;
  skuCode?: string;
  skuName?: string;
  quantity: number;
  neededQuantity?: number;
  available?: number;
  onOrder?: number;
  safetyStock?: number;
  reorderPoint?: number;
  stockoutDate?: string | null;
  reason: string;
  status: string;
  purchaseOrderId?: number | null;
}

export interface Run {
  id: number;
  status: string;
  progressDone?: number;
  progressTotal?: number;
  suggestions?: number;
  error?: string | null;
}

/** A group as GET /planning/suggestions returns it: one supplier × warehouse. */
interface ApiGroup {
  supplierId: number;
  supplierCode: string;
  supplierName: string;
  warehouseId: number;
  currency: string;
  minOrderValueMinor: number;
  minOrderQuantity: number;
  totalValueMinor: number;
  meetsMinimums: boolean;
  items: Suggestion[];
}

export interface SupplierGroup {
  supplierId: number;
  label: string;
  suggestions: Suggestion[];
}

export async function openSuggestions(): Promise<Suggestion[]> {
  const body = await get<{ groups: ApiGroup[] }>('/planning/suggestions', { status: 'open' });
  return body.groups.flatMap((g) =>
    g.items.map((s) => ({
      ...s,
      supplierId: g.supplierId,
      supplierName: g.supplierName,
      supplierCode: g.supplierCode,
      warehouseId: g.warehouseId,
    })),
  );
}

/** Suggestions by supplier, so one approval makes one PO per supplier and warehouse. */
export function bySupplier(rows: Suggestion[]): SupplierGroup[] {
  const groups = new Map<number, SupplierGroup>();
  for (const s of rows) {
    const label = s.supplierName ?? s.supplierCode ?? `Supplier ${s.supplierId}`;
    const group = groups.get(s.supplierId) ?? { supplierId: s.supplierId, label, suggestions: [] };
    group.suggestions.push(s);
    groups.set(s.supplierId, group);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export const startRun = () => post<Run>('/planning/runs', {});
export const runStatus = (id: number) => get<Run>(`/planning/runs/${id}`);

/** Approves suggestions (with edited quantities); returns the purchase orders made. */
export async function approve(
  ids: number[],
  quantities: Record<number, number>,
): Promise<{ id: number; number: string }[]> {
  const edited = Object.fromEntries(
    Object.entries(quantities).filter(([id]) => ids.includes(Number(id))),
  );
  const body = await post<{ purchaseOrders: { id: number; number: string }[] }>(
    '/planning/suggestions/approve',
    { suggestionIds: ids, ...(Object.keys(edited).length ? { quantities: edited } : {}) },
  );
  return body.purchaseOrders;
}

import { get, ProblemError, type Page } from '../api/client';
import type { ApiBody, ApiItem } from '../api/types';

type Location = ApiBody<'/api/v1/locations/by-barcode/{barcode}', 'get'>;
type Listed = ApiItem<'/api/v1/warehouses/{id}/locations'>;

/**
 * The bin a person scanned or typed, in one warehouse: a scanned barcode first, then a code as
 * written on the rack ("A-01-02"). Never a numeric id: nobody on the floor knows those.
 */
export async function findBin(warehouseId: number, scanOrCode: string): Promise<number> {
  const text = scanOrCode.trim();
  const scanned = await get<Location>(`/locations/by-barcode/${encodeURIComponent(text)}`).catch(
    (e: unknown) => {
      if (e instanceof ProblemError && e.problem.status === 404) return null;
      throw e;
    },
  );
  if (scanned && scanned.warehouseId === warehouseId) return scanned.id;
  const found = await get<Page<Listed>>(`/warehouses/${warehouseId}/locations`, { code: text });
  const bin = found.items.find((l) => l.code.toUpperCase() === text.toUpperCase());
  if (bin) return bin.id;
  throw new ProblemError({
    status: 0,
    code: 'FORM.UNKNOWN_BIN',
    title: 'FORM.UNKNOWN_BIN',
    detail: `There is no bin ${text} in this warehouse.`,
  });
}

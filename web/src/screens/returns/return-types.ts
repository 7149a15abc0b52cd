import type { ApiBody } from '../../api/types';

/** The RMA shapes the return screens read (GET /returns/:id). */
export const RETURN_REASONS = [
  'damaged_in_transit',
  'wrong_item',
  'wrong_quantity',
  'expired',
  'quality',
  'not_wanted',
] as const;

/** What happens to each received line once inspected. */
export const DISPOSITIONS = ['restock', 'quarantine', 'damaged', 'return_to_vendor'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Dispositions that put goods in a bin of this warehouse, so a bin may (restock: must) be named. */
export const NEEDS_BIN: Record<Disposition, 'required' | 'optional' | 'none'> = {
  restock: 'required',
  quarantine: 'optional',
  damaged: 'optional',
  return_to_vendor: 'none',
};

export type ReturnDetail = ApiBody<'/api/v1/returns/{id}', 'get'>;
export type ReturnLine = ReturnDetail['lines'][number];

export const label = (code: string) => code.replaceAll('_', ' ');

/**
 * What can be imported and exported, and in which file formats. The kind names are the
 * path segment of the API (`/imports/{kind}`) and the CLI argument.
 */
export const IMPORT_KINDS = [
  'products',
  'customers',
  'opening_stock',
  'price_lists',
  'suppliers',
  'orders',
  'online_retail',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

/** The format a file name or content type announces; CSV unless it says xlsx. */
export function formatOf(nameOrType: string): FileFormat {
  return /xlsx$|spreadsheetml/i.test(nameOrType) ? 'xlsx' : 'csv';
}

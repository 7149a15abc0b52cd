import { Type, type Static } from 'typebox';

export const MAX_PAGE_SIZE = 500;

/** Query-string fields shared by every list endpoint. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })),
  cursor: Type.Optional(
    Type.String({ maxLength: 200, description: 'The nextCursor of the previous page' }),
  ),
};

export function Page<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

export type PageOf<T> = { items: T[]; nextCursor: string | null };

/** Cursors are opaque to clients: the last id seen, encoded. */
export function encodeCursor(lastId: number): string {
  return Buffer.from(String(lastId)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const id = Number(Buffer.from(cursor, 'base64url').toString());
  return Number.isSafeInteger(id) ? id : undefined;
}

/** Given limit+1 rows, returns a page and the cursor to the next one. */
export function pageOf<T extends { id: number }>(rows: T[], limit: number): PageOf<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

export type PageQueryType = Static<ReturnType<typeof Type.Object<typeof PageQuery>>>;

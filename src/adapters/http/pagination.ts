import { Type, type Static } from 'typebox';
import { FailureError } from '../../core/shared/result.js';

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
  return encodeKeyCursor([lastId]);
}

/**
 * The id a cursor holds; none without a cursor. A cursor this server did not hand out is a
 * 400: silently starting again at page 1 sent a buggy client round the same pages forever.
 */
export function decodeCursor(cursor: string | undefined): number | undefined {
  return decodeKeyCursor(cursor, 1)?.[0];
}

/** A keyset cursor: the sort key of the last row seen (one or more whole numbers). */
export function encodeKeyCursor(key: readonly number[]): string {
  return Buffer.from(key.join('.')).toString('base64url');
}

export function decodeKeyCursor(cursor: string | undefined, length: number): number[] | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString();
  const key = text.split('.').map((part) => (/^[0-9]{1,15}$/.test(part) ? Number(part) : NaN));
  if (
    key.length !== length ||
    key.some((n) => !Number.isSafeInteger(n)) ||
    encodeKeyCursor(key) !== cursor
  ) {
    throw new FailureError({
      code: 'REQUEST.INVALID_CURSOR',
      message: 'The cursor is not one this list handed out; start again without it',
      details: { field: 'cursor' },
    });
  }
  return key;
}

/** Given limit+1 rows, returns a page and the cursor to the next one. */
export function pageOf<T extends { id: number }>(rows: T[], limit: number): PageOf<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

export type PageQueryType = Static<ReturnType<typeof Type.Object<typeof PageQuery>>>;

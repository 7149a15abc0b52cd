import { Type } from 'typebox';

/** What the imports routes answer on success (documented: see response-shapes.ts). */
export const ImportErrorsOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      row: Type.Number(),
      column: Type.Union([Type.Null(), Type.String()]),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
});

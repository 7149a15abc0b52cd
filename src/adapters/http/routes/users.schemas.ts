import { Type } from 'typebox';
import { ROLES } from '../../../core/shared/roles.js';

const RoleIn = Type.Union(ROLES.map((r) => Type.Literal(r)));
/** Nullable as a JSON Schema type list: a union would let Ajv coerce `null` to 0. */
const NullableId = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1 });
const Password = Type.String({ minLength: 1, maxLength: 200 });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const SignInIn = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Password,
  },
  { additionalProperties: false },
);

export const UserOut = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  customerId: Type.Unsafe<number | null>({ type: ['integer', 'null'] }),
  active: Type.Boolean(),
  createdAt: Type.String(),
  lastSignInAt: Type.Unsafe<string | null>({ type: ['string', 'null'] }),
});

/** The signed-in user and the token to send back in `X-CSRF-Token`. */
export const SessionOut = Type.Object({
  user: UserOut,
  csrfToken: Type.String(),
  expiresAt: Type.Optional(Type.String()),
});

export const UserIn = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleIn,
    password: Password,
    customerId: Type.Optional(NullableId),
  },
  { additionalProperties: false },
);

export const UserChangeIn = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(RoleIn),
    customerId: Type.Optional(NullableId),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);

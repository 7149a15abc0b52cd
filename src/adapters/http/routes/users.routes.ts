import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { findSession, signIn } from '../../../app/users/sessions.js';
import { changeUser, insertUser, listUsers, prepareUser } from '../../../app/users/users.js';
import { ROLES } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { sendProblem } from '../problem.js';
import {
  SESSION_COOKIE,
  setSessionCookie,
  signOut,
  type SessionAuthOptions,
} from '../session-auth.js';
import { IdParams, SessionOut, SignInIn, UserChangeIn, UserIn, UserOut } from './users.schemas.js';
import { NoContent } from '../response-shapes.js';

const tags = ['users'];
/** Sign-in attempts a client address may make per minute (when rate limiting is on). */
export const SIGN_INS_PER_MINUTE = 30;

/** Sign-in for the web app (a cookie session) and user accounts, which admins manage. */
export function registerUserRoutes(api: Api, ctx: AppContext, options: SessionAuthOptions = {}) {
  api.post(
    '/session',
    {
      // Password guessing: a tight limit per client address on top of the server-wide one.
      config: { public: true, rateLimit: { max: SIGN_INS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets an httpOnly session cookie',
        body: SignInIn,
        response: { 200: SessionOut },
      },
    },
    async (request, reply) => {
      const result = await signIn(
        ctx.database,
        request.body.email,
        request.body.password,
        ctx.now(),
      );
      if (!result.ok) return sendProblem(reply, result.error);
      const { token, csrfToken, expiresAt, user } = result.value;
      setSessionCookie(reply, token, expiresAt, options);
      return { user, csrfToken, expiresAt };
    },
  );

  api.get(
    '/session',
    {
      config: { roles: ROLES },
      schema: {
        tags,
        summary: 'Who is signed in, and the CSRF token',
        response: { 200: SessionOut },
      },
    },
    async (request, reply) => {
      const token = request.cookies?.[SESSION_COOKIE];
      const session = token ? await findSession(ctx.database, token, ctx.now()) : null;
      if (!session) {
        return sendProblem(reply, {
          code: 'AUTH.NO_SESSION',
          message: 'This request was made with an API key, not a signed-in session',
        });
      }
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  api.delete(
    '/session',
    {
      config: { roles: ROLES },
      schema: { tags, summary: 'Sign out', response: { 204: NoContent } },
    },
    async (request, reply) => {
      await signOut(ctx.database, request, reply);
      return reply.code(204).send();
    },
  );

  api.get(
    '/users',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'List user accounts',
        response: { 200: Type.Object({ items: Type.Array(UserOut) }) },
      },
    },
    async () => ({ items: await listUsers(ctx.database) }),
  );

  api.post(
    '/users',
    {
      config: { roles: ['admin'] },
      schema: { tags, summary: 'Create a user account', body: UserIn, response: { 201: UserOut } },
    },
    async (request, reply) => {
      const prepared = await prepareUser(request.body);
      if (!prepared.ok) return sendProblem(reply, prepared.error);
      return idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        insertUser(trx, prepared.value, ctx.now()),
      );
    },
  );

  api.patch(
    '/users/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Change a user: name, role, account, active, password (ends their sessions)',
        params: IdParams,
        body: UserChangeIn,
        response: { 200: UserOut },
      },
    },
    async (request, reply) => {
      const result = await changeUser(ctx.database, request.params.id, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}

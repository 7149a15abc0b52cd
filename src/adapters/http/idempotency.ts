import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUniqueViolation, run, type Database, type Tx } from '../db/database.js';
import { FailureError } from '../../core/shared/result.js';
import { commitFault } from './fault-injection.js';
import { sendProblem } from './problem.js';

/**
 * Runs a write so that a retried request never does the work twice. With an
 * `Idempotency-Key` header the key, a hash of the request and the response are stored in the
 * same transaction as the work: the same key and body replay the stored response; the same
 * key with another body is refused. Keys are scoped per API key.
 */
export async function idempotentWrite<T>(
  database: Database,
  request: FastifyRequest,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  reply: FastifyReply<any, any, any, any, any, any, any, any>,
  successStatus: number,
  work: (trx: Tx) => Promise<T>,
  /** Runs after the commit and before the reply (not on replays): follow-up work such as filling backorders. */
  afterCommit?: (value: T) => Promise<unknown>,
  /**
   * `answer: 'afterCommit'`: the reply is afterCommit's value (work confirmed outside the
   * transaction, like a carrier booking); a replay still answers the stored, committed value.
   */
  options: { answer?: 'afterCommit' } = {},
): Promise<void> {
  const key = headerValue(request.headers['idempotency-key']);
  if (key !== undefined && (key.length === 0 || key.length > 255)) {
    await sendProblem(reply, {
      code: 'REQUEST.INVALID',
      message: 'Idempotency-Key must be 1–255 characters',
    });
    return;
  }
  const apiKeyId = request.actor.apiKeyId;
  const requestHash = key ? hashRequest(request) : '';
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await run(database, async (trx) => {
        if (key) {
          const stored = await trx
            .selectFrom('idempotency_keys')
            .select(['request_hash', 'status_code', 'response_body'])
            .where('api_key_id', '=', apiKeyId)
            .where('key', '=', key)
            .executeTakeFirst();
          if (stored) {
            if (stored.request_hash !== requestHash) {
              throw new FailureError({
                code: 'IDEMPOTENCY.KEY_REUSED',
                message: 'This Idempotency-Key was already used with a different request',
              });
            }
            return {
              replayed: true,
              status: stored.status_code,
              body: stored.response_body,
              value: undefined,
            };
          }
        }
        const value = await work(trx);
        const body = JSON.stringify(value);
        if (key) {
          await trx
            .insertInto('idempotency_keys')
            .values({
              api_key_id: apiKeyId,
              key,
              request_hash: requestHash,
              status_code: successStatus,
              response_body: body,
              created_at: new Date().toISOString(),
            })
            .execute();
        }
        return { replayed: false, status: successStatus, body, value };
      });
      if (!result.ok) {
        await sendProblem(reply, result.error);
        return;
      }
      // Test-only fault injection (STOCKLINE_FAULT_EXIT_AFTER_COMMIT): may SIGKILL the process
      // here, between the commit of a keyed write and its reply. A no-op unless a drill sets it.
      if (key && !result.value.replayed) commitFault.committed();
      if (result.value.replayed) reply.header('idempotent-replayed', 'true');
      else if (afterCommit && options.answer === 'afterCommit') {
        const answered = await afterCommit(result.value.value as T).catch((error: unknown) => {
          request.log.error({ err: error }, 'after-commit work failed');
          return undefined;
        });
        if (answered !== undefined) result.value.body = JSON.stringify(answered);
      } else if (afterCommit) {
        // The write is durable already; a failing follow-up is logged and retried by the sweeper.
        await afterCommit(result.value.value as T).catch((error: unknown) =>
          request.log.error({ err: error }, 'after-commit work failed'),
        );
      }
      await reply.code(result.value.status).type('application/json').send(result.value.body);
      return;
    } catch (error) {
      // A concurrent request with the same key committed first: run again to replay its answer.
      if (key && isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The request's fingerprint: method, URL and the body as canonical JSON (keys sorted at every
 * level), so a retry whose client serialised the same object in another key order is the same
 * request. Bytes (an uploaded file) are hashed as they are.
 */
function hashRequest(request: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

/** JSON with object keys in sorted order; arrays keep theirs (order means something there). */
export function canonicalJson(value: unknown): string {
  if (Buffer.isBuffer(value)) return `bytes:${value.toString('base64')}`;
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

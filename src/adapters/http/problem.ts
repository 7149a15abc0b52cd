import type { FastifyReply } from 'fastify';
import type { Failure } from '../../core/shared/result.js';

/** Statuses by failure code. Codes not listed are 422 (understood, but refused). */
const STATUS_BY_CODE: Record<string, number> = {
  'AUTH.MISSING_KEY': 401,
  'AUTH.INVALID_KEY': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.SESSION_EXPIRED': 401,
  'AUTH.SIGN_IN_REFUSED': 401,
  'AUTH.CSRF_FAILED': 403,
  'AUTH.WEBHOOK_SIGNATURE': 401,
  'REQUEST.INVALID': 400,
  'REQUEST.INVALID_TEXT': 400,
  'REQUEST.INVALID_CURSOR': 400,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.URI_TOO_LONG': 414,
  'REQUEST.NOT_FOUND': 404,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.RATE_LIMITED': 429,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'IDEMPOTENCY.IN_FLIGHT': 409,
  'INTERNAL.ERROR': 500,
};

const STATUS_BY_SUFFIX: [string, number][] = [
  ['NOT_FOUND', 404],
  ['ALREADY_EXISTS', 409],
  ['DUPLICATE', 409],
  ['INSUFFICIENT_AVAILABLE', 409],
  ['INSUFFICIENT_STOCK', 409],
  ['ILLEGAL_TRANSITION', 409],
  ['CONFLICT', 409],
  ['NOT_EDITABLE', 409],
  ['ALREADY_PICKED', 409],
  ['IN_PROGRESS', 409],
];

export function statusFor(code: string): number {
  const exact = STATUS_BY_CODE[code];
  if (exact) return exact;
  for (const [suffix, status] of STATUS_BY_SUFFIX) if (code.endsWith(suffix)) return status;
  return 422;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

/** RFC 9457 problem details for a failure; the `code` is stable, the wording may change. */
export function problemOf(failure: Failure, instance?: string): ProblemBody {
  const status = statusFor(failure.code);
  // Details first, so a detail can never overwrite the problem's own members.
  return {
    ...(failure.details ?? {}),
    type: `https://stockline.dev/problems/${failure.code.toLowerCase().replace(/[._]/g, '-')}`,
    title: failure.code,
    status,
    code: failure.code,
    detail: failure.message,
    ...(instance ? { instance } : {}),
  };
}

export function sendProblem(reply: FastifyReply, failure: Failure): FastifyReply {
  const body = problemOf(failure, reply.request.url);
  return reply.code(body.status).type('application/problem+json').send(body);
}

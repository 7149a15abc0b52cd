import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FailureError } from '../../core/shared/result.js';
import { constraintFailure } from '../db/constraint-errors.js';
import { isUnstorableValue } from '../db/database.js';
import { sendProblem } from './problem.js';

/**
 * Every error leaves as problem+json with a stable code; no stack trace ever reaches a client.
 * Validation errors say which field and why. Unknown errors are logged and reported as 500.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof FailureError) return sendProblem(reply, error.failure);
    if (error.validation) {
      return sendProblem(reply, {
        code: 'REQUEST.INVALID',
        message: `Invalid ${error.validationContext ?? 'request'}: ${error.message}`,
        details: {
          errors: error.validation.map((v) => ({
            field: `${error.validationContext ?? ''}${v.instancePath}`,
            message: v.message,
            ...(v.params && 'additionalProperty' in v.params
              ? { unknownField: v.params.additionalProperty }
              : {}),
          })),
        },
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, {
        code: 'REQUEST.TOO_LARGE',
        message: 'The request body is too large',
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, {
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        message: 'Send JSON (application/json)',
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, { code: 'REQUEST.INVALID', message: error.message });
    }
    const refused = constraintFailure(error);
    if (refused) {
      // A constraint refused the write: a race the use case's own checks lost, or a check it
      // lacks. Answered by that constraint's code; logged so a missing check gets noticed.
      request.log.warn({ err: error, code: refused.code }, 'a database constraint refused a write');
      return sendProblem(reply, refused);
    }
    if (isUnstorableValue(error)) {
      // The schemas let it through (ids have no upper bound); the store cannot hold it.
      return sendProblem(reply, {
        code: 'REQUEST.INVALID',
        message: 'A value in the request is out of the range or character set the store accepts',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, {
      code: 'INTERNAL.ERROR',
      message: 'Something went wrong on our side; it has been logged',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      code: 'REQUEST.NOT_FOUND',
      message: `No route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}

/**
 * Errors Fastify's router raises before any route or hook runs (a path parameter over the
 * router's length limit, a URL with a broken %-escape): problem+json like every other error,
 * instead of Fastify's own JSON shape. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkProblem(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(reply, {
      code: 'REQUEST.URI_TOO_LONG',
      message: 'A path parameter is too long',
    });
  return sendProblem(reply, { code: 'REQUEST.INVALID', message: 'The URL is malformed' });
}

import type { FastifyInstance } from 'fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ProblemOut } from '../../src/adapters/http/problem-responses.js';

/**
 * For tests: every JSON answer (successes and problems) is checked against the schema its route
 * declares for that status; a mismatch fails the request (500) and is logged on stderr, so an
 * area's API tests keep its documented shapes true.
 */
export function checkResponses(app: FastifyInstance): void {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(ProblemOut, 'Problem');
  const compiled = new WeakMap<object, ValidateFunction>();
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string') return payload;
    const type = String(reply.getHeader('content-type') ?? '').split(';')[0] ?? '';
    if (!type.endsWith('json')) return payload;
    const declared = (
      request.routeOptions.schema as { response?: Record<string, unknown> } | undefined
    )?.response;
    const entry = declared?.[reply.statusCode] ?? declared?.[`${String(reply.statusCode)[0]}xx`];
    if (!entry || typeof entry !== 'object') return payload;
    const content = (entry as { content?: Record<string, { schema: object }> }).content;
    const schema = content ? content[type]?.schema : entry;
    if (!schema) return payload;
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
    if (!validate(JSON.parse(payload))) {
      const where = `${request.method} ${request.routeOptions.url} ${reply.statusCode}`;
      console.error(`response differs from its schema: ${where}`, validate.errors);
      throw new Error(`response differs from its schema: ${where}`);
    }
    return payload;
  });
}

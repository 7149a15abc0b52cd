import type { DialectName } from '../src/adapters/db/database.js';
import type { Role } from '../src/core/shared/roles.js';
import { seededRandom, timed, type DrillOptions, type DrillResult } from './drill-result.js';
import { ContractChecker } from './fuzz-contract.js';
import { fuzzRawPaths, guardProblem } from './fuzz-guards.js';
import { fuzzInvariantProblems, settleImports } from './fuzz-invariants.js';
import { mutate } from './fuzz-mutations.js';
import { operationsOf } from './fuzz-operations.js';
import { RequestFactory, urlOf, type FuzzRequest } from './fuzz-requests.js';
import { FuzzTally } from './fuzz-tally.js';
import { FUZZ_REQUEST_HEADER, OTHER_ROLES, startFuzzWorld, type FuzzWorld } from './fuzz-world.js';

/** Every this many requests the id pool is re-read, so rows the run created get named too. */
const REFRESH_EVERY = 250;

/**
 * OpenAPI fuzz drill: N requests per dialect generated from the API's own OpenAPI document,
 * half valid (real ids, every required field) and half broken one way (wrong types, missing
 * or extra fields, huge or negative numbers, unicode, long strings, null, malformed JSON,
 * wrong content type, bad path and query values), mostly as admin, some as other roles or
 * with no key. Must hold: no 5xx, every response matches the schema declared for its status
 * (errors: problem+json with a code), no role (nor a missing or forged key) past a route's
 * guard, no 5xx for paths with a NUL or control byte (web app fallback and API), and
 * afterwards the ledger and order lines are sound.
 * The seed is printed; FUZZ_SEED=<n> replays a run's requests.
 */
export function fuzzDrill(options: DrillOptions): Promise<DrillResult> {
  const requests = options.long ? 10_000 : 800;
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  return timed('fuzz', async (figures, failures) => {
    console.log(`fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it)`);
    figures.seed = seed;
    figures.requestsPerDialect = requests;
    for (const dialect of options.dialects) {
      figures[dialect] = await fuzzOn(dialect, requests, seed, (f) =>
        failures.push(`${dialect}: ${f}`),
      );
    }
  });
}

async function fuzzOn(
  dialect: DialectName,
  requests: number,
  seed: number,
  fail: (message: string) => void,
) {
  const fuzz = await startFuzzWorld(dialect);
  const random = seededRandom(seed);
  const tally = new FuzzTally();
  const guardFailures: string[] = [];
  try {
    for (const p of await fuzzInvariantProblems(fuzz.world)) fail(`before fuzzing: ${p}`);
    const operations = operationsOf(fuzz.app.swagger());
    const factory = new RequestFactory(fuzz.ids);
    const checker = new ContractChecker();
    const started = Date.now();
    for (let i = 0; i < requests; i++) {
      if (i > 0 && i % REFRESH_EVERY === 0) await fuzz.ids.refresh(fuzz.world.store.database.db);
      const op = operations[i % operations.length]!;
      try {
        const request = factory.valid(op, Math.floor(random() * 2 ** 31));
        if (random() < 0.5) mutate(request, random);
        fuzz.spareOwnKeys(request);
        const response = await send(fuzz, request, random, String(i));
        tally.count(request, response, checker.check(op, response), fuzz.errors.get(String(i)));
        const guard = guardProblem(fuzz.app.routeTable, op, response.role, response.status);
        if (guard) guardFailures.push(guard);
      } catch (error) {
        // The fuzzer's own bug (or inject's): stop here, keep the figures so far.
        fail(`request ${i} (${op.name}) could not be made: ${String(error)}`);
        break;
      }
    }
    const ms = Date.now() - started;
    for (const g of guardFailures.slice(0, 5)) fail(g);
    if (guardFailures.length > 5) fail(`…and ${guardFailures.length - 5} more past a guard`);
    const rawPaths = await fuzzRawPaths(fuzz.world.store.database, fuzz.keys.admin);
    for (const f of rawPaths.failures) fail(f);
    const stillRunning = await settleImports(fuzz.world);
    if (stillRunning > 0) fail(`${stillRunning} imports still running a minute after the run`);
    for (const p of await fuzzInvariantProblems(fuzz.world)) fail(p);
    for (const v of tally.failures()) fail(v);
    return {
      ...tally.figures(),
      operations: operations.length,
      operationsWithoutResponseSchema: operations.filter((o) =>
        [...o.responses.values()].every((s) => s === null),
      ).length,
      pastGuard: guardFailures.length,
      rawPathStatuses: rawPaths.statuses,
      ms,
      requestsPerSecond: Math.round((requests / ms) * 1000),
    };
  } finally {
    await fuzz.close();
  }
}

/** The request through the whole Fastify pipeline (no socket), as one role or with no key. */
async function send(fuzz: FuzzWorld, request: FuzzRequest, random: () => number, id: string) {
  const role = whoSends(random);
  const headers: Record<string, string> = { [FUZZ_REQUEST_HEADER]: id };
  if (role === 'forged') headers.authorization = 'Bearer sl_not-a-real-key';
  else if (role !== 'nobody') headers.authorization = `Bearer ${fuzz.keys[role]}`;
  if (random() < 0.1) headers['idempotency-key'] = `fuzz-${Math.floor(random() * 20)}`;
  let payload: string | undefined = request.rawBody;
  if (payload === undefined && request.body !== undefined) payload = JSON.stringify(request.body);
  if (payload !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const reply = await fuzz.app.inject({
    method: request.op.method as 'GET',
    url: urlOf(request),
    headers,
    ...(payload === undefined ? {} : { payload }),
    // Forged keys from an address of their own: the failed-key limit refuses an address after
    // 20 a minute, and would otherwise turn every later request into a 429.
    ...(role === 'forged' ? { remoteAddress: '10.66.0.1' } : {}),
  });
  return {
    status: reply.statusCode,
    contentType: String(reply.headers['content-type'] ?? ''),
    body: reply.body,
    url: `${request.op.method} ${urlOf(request)}`.slice(0, 300),
    role,
  };
}

/** Admin four times in five (to get past the role checks), else another role, a forged or no key. */
function whoSends(random: () => number): Role | 'nobody' | 'forged' {
  const r = random();
  if (r < 0.8) return 'admin';
  if (r < 0.97) return OTHER_ROLES[Math.floor(random() * OTHER_ROLES.length)]!;
  return r < 0.985 ? 'forged' : 'nobody';
}

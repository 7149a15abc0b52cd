import type { FuzzRequest } from './fuzz-requests.js';

type Random = () => number;
type Json = unknown;

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

/** Values a careless or hostile client sends where something else was expected. */
const NASTY_VALUES: readonly Json[] = [
  null,
  '',
  ' ',
  -1,
  0,
  -2_147_483_649,
  2_147_483_648,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  1.5,
  '12',
  '1e3',
  true,
  [],
  {},
  [1, 2],
  { id: 1 },
  'null',
  '🦜 Größe ﷽ \u202e\u0000',
  '\ud800',
  "'; drop table skus; --",
  '../../etc/passwd',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  // Issue 17, item 1: wrong types that were silently converted (hex, exponent, padded, boxed).
  '0x10',
  '1e1',
  ' 7 ',
  [5],
  'true',
  'false',
];

/** An id no row has: an unknown reference must be a 404/422, never a 500 or a dangling row. */
const UNKNOWN_ID = 987_654_321;

const LONG = 'x'.repeat(100_000);

/** The ways a request is broken; each returns a description of what it changed. */
const MUTATIONS: Record<string, (r: FuzzRequest, random: Random) => void> = {
  wrongValue: (r, random) => setSomewhere(r, random, pick(random, NASTY_VALUES)),
  longString: (r, random) =>
    setSomewhere(r, random, LONG.slice(0, pick(random, [256, 5000, 100_000]))),
  dropField: (r, random) => dropField(r.body, random),
  // Issue 17, items 2 and 3: references to rows that do not exist (foreign keys).
  unknownReference: (r, random) => {
    const ids = placesIn(r.body).filter(([, key]) => typeof key === 'string' && /Ids?$/.test(key));
    if (ids.length === 0) return setSomewhere(r, random, UNKNOWN_ID);
    const [holder, key] = pick(random, ids);
    const current = (holder as Record<string, Json>)[key as string];
    (holder as Record<string, Json>)[key as string] = Array.isArray(current)
      ? [UNKNOWN_ID]
      : UNKNOWN_ID;
  },
  extraField: (r, random) => {
    if (isObject(r.body)) r.body[pick(random, ['isAdmin', 'id', 'role', 'createdAt', 'x'])] = 1;
    else r.query.unexpected = 'yes';
  },
  prototypeKey: (r, random) => {
    const key = pick(random, ['__proto__', 'constructor']);
    const rest = JSON.stringify(isObject(r.body) ? r.body : {}).slice(1);
    r.rawBody = `{"${key}":{"prototype":{"isAdmin":true}}${rest === '}' ? '' : ','}${rest}`;
    r.contentType = 'application/json';
  },
  nullBody: (r) => {
    r.body = null;
  },
  arrayBody: (r) => {
    r.body = [r.body ?? {}];
  },
  scalarBody: (r, random) => {
    r.body = pick(random, [42, 'text', true, '']);
  },
  malformedJson: (r, random) => {
    r.rawBody = pick(random, ['{"a":', '{', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"a":NaN}']);
    r.contentType = 'application/json';
  },
  wrongContentType: (r, random) => {
    r.rawBody = JSON.stringify(r.body ?? {});
    r.contentType = pick(random, [
      'text/plain',
      'application/xml',
      'text/csv',
      'multipart/form-data',
    ]);
  },
  badPathParameter: (r, random) => {
    const names = Object.keys(r.path);
    if (names.length === 0) return setSomewhere(r, random, pick(random, NASTY_VALUES));
    r.path[pick(random, names)] = String(
      pick(random, [
        'abc',
        '-1',
        '0',
        '1.5',
        '99999999999999999999',
        '0x10',
        '1e3',
        ' 7',
        '%00',
        'ü',
        ' ',
        LONG.slice(0, 3000),
      ]),
    );
  },
  rawPath: (r, random) => {
    const names = Object.keys(r.path);
    if (names.length === 0) return;
    r.path[pick(random, names)] = pick(random, ['%', '%E0%A4%A', '%zz', '..%2F..', '%00', 'a%2Fb']);
    r.rawPath = true;
  },
  badQuery: (r, random) => {
    const names = Object.keys(r.query);
    const name = names.length > 0 ? pick(random, names) : 'limit';
    r.query[name] = pick(random, [
      'abc',
      '-1',
      '0',
      '100000',
      '',
      'true',
      '1e999',
      '[]',
      '%',
      '0x10',
      ' 7',
    ]);
    if (random() < 0.3) r.query.cursor = pick(random, ['abc', 'eyJ4Ijox', '!!!', '']);
  },
};

/** The names of the mutations, for figures. */
export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Breaks a valid request one way (chosen by `random`); the request is changed in place. */
export function mutate(request: FuzzRequest, random: Random): FuzzRequest {
  const name = pick(random, MUTATION_NAMES);
  MUTATIONS[name]!(request, random);
  request.kind = name;
  return request;
}

/** Puts `value` at a random place in the body (any depth), else in the query or path. */
function setSomewhere(r: FuzzRequest, random: Random, value: Json) {
  const places = placesIn(r.body);
  if (places.length > 0) {
    const [holder, key] = pick(random, places);
    (holder as Record<string | number, Json>)[key] = value;
  } else if (r.body !== undefined || random() < 0.3) {
    r.body = value;
  } else if (Object.keys(r.path).length > 0 && random() < 0.5) {
    r.path[pick(random, Object.keys(r.path))] = String(value);
  } else {
    const names = Object.keys(r.query);
    r.query[names.length > 0 ? pick(random, names) : 'limit'] = value;
  }
}

/** Every (container, key) pair inside a JSON value, depth first. */
function placesIn(value: Json, out: [object, string | number][] = []): [object, string | number][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([value, i]);
      placesIn(item, out);
    });
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      placesIn(value[key], out);
    }
  }
  return out;
}

function dropField(body: Json, random: Random) {
  const places = placesIn(body).filter(([holder]) => !Array.isArray(holder));
  if (places.length === 0) return;
  const [holder, key] = pick(random, places);
  delete (holder as Record<string, Json>)[key as string];
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

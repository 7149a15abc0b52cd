/**
 * Postal addresses on a customer account: where invoices go (bill-to) and where goods go
 * (ship-tos). Carriers and customs need a real ISO 3166-1 alpha-2 country, so the code is
 * checked against the assigned list rather than a two-letter pattern.
 */
import { fail, ok, type Result } from '../shared/result.js';

/** Every officially assigned ISO 3166-1 alpha-2 code (249). */
const ASSIGNED = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK
HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC
NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB
SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`;

/** The assigned country codes, for lookups and tests. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(ASSIGNED.split(/\s+/));

/** An address as a client sends it; optional lines may be absent or null. */
export interface AddressDraft {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}

/** A checked address: trimmed text, empty optional lines as null, the country upper case. */
export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}

/** True when `code` (any case) is an assigned ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code.trim().toUpperCase());
}

/**
 * Checks an address; `field` names where it sits in the request (`billTo`, `shipTos[1]`) so
 * a client can point at the wrong box. Fails with `CUSTOMER.INVALID_ADDRESS`.
 */
export function validateAddress(draft: AddressDraft, field: string): Result<Address> {
  const required: [keyof AddressDraft, string, number][] = [
    ['line1', draft.line1, 200],
    ['city', draft.city, 100],
    ['postalCode', draft.postalCode, 20],
  ];
  for (const [name, value, max] of required) {
    const text = value.trim();
    if (text.length === 0 || text.length > max) {
      return invalid(`${String(name)} is 1–${max} characters`, `${field}.${String(name)}`);
    }
  }
  const country = draft.country.trim().toUpperCase();
  if (!COUNTRY_CODES.has(country)) {
    return invalid(
      `"${draft.country}" is not an ISO 3166-1 alpha-2 country code such as "US"`,
      `${field}.country`,
    );
  }
  return ok({
    line1: draft.line1.trim(),
    line2: optionalText(draft.line2),
    city: draft.city.trim(),
    region: optionalText(draft.region),
    postalCode: draft.postalCode.trim(),
    country,
  });
}

function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

function invalid(message: string, field: string): Result<never> {
  return fail('CUSTOMER.INVALID_ADDRESS', message, { field });
}

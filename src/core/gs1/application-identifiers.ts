/**
 * The GS1 Application Identifiers Stockline reads and prints: the ones on a case or pallet
 * label from a pet-food or pet-supplies manufacturer (SSCC, GTIN, lot, dates, count, net
 * weight) and the ones on our own outbound carton labels (ship-to GLN, PO). Definitions follow
 * the GS1 General Specifications §3; an AI not listed here is refused as `GS1.UNKNOWN_AI`
 * rather than guessed at, because a wrong guess at its length would shift every later field.
 */

/** How the data after an AI is written. */
export interface AiDefinition {
  /** The AI itself, 2–4 digits. */
  readonly ai: string;
  /** GS1 data title, as printed on labels. */
  readonly title: string;
  /** Exact length when `fixed`, otherwise the maximum. */
  readonly length: number;
  /**
   * Predefined length: the field ends after `length` characters and needs no FNC1/GS after
   * it. Variable-length fields end at GS or at the end of the data.
   */
  readonly fixed: boolean;
  /** Digits only, or GS1 AI encodable character set 82. */
  readonly charset: 'numeric' | 'cset82';
  /** The last digit is a GS1 mod-10 check digit (SSCC, GTIN, GLN). */
  readonly checkDigit?: boolean;
  /** The value is a YYMMDD date (day 00 allowed: "end of month"). */
  readonly date?: boolean;
}

const fixedNumeric = (
  ai: string,
  title: string,
  length: number,
  extra: Partial<AiDefinition> = {},
) =>
  ({
    ai,
    title,
    length,
    fixed: true,
    charset: 'numeric',
    ...extra,
  }) as const satisfies AiDefinition;

const variable = (ai: string, title: string, length: number, charset: AiDefinition['charset']) =>
  ({ ai, title, length, fixed: false, charset }) as const satisfies AiDefinition;

const DEFINITIONS: readonly AiDefinition[] = [
  fixedNumeric('00', 'SSCC', 18, { checkDigit: true }),
  fixedNumeric('01', 'GTIN', 14, { checkDigit: true }),
  fixedNumeric('02', 'CONTENT', 14, { checkDigit: true }),
  variable('10', 'BATCH/LOT', 20, 'cset82'),
  fixedNumeric('11', 'PROD DATE', 6, { date: true }),
  fixedNumeric('13', 'PACK DATE', 6, { date: true }),
  fixedNumeric('15', 'BEST BEFORE or BEST BY', 6, { date: true }),
  fixedNumeric('17', 'USE BY or EXPIRY', 6, { date: true }),
  variable('21', 'SERIAL', 20, 'cset82'),
  variable('30', 'VAR. COUNT', 8, 'numeric'),
  variable('37', 'COUNT', 8, 'numeric'),
  // 310n: net weight in kg with n decimals (3103 000250 = 0.250 kg).
  ...[0, 1, 2, 3, 4, 5].map((n) => fixedNumeric(`310${n}`, 'NET WEIGHT (kg)', 6)),
  variable('400', 'ORDER NUMBER', 30, 'cset82'),
  fixedNumeric('410', 'SHIP TO LOC', 13, { checkDigit: true }),
  variable('420', 'SHIP TO POST', 20, 'cset82'),
];

/** Every supported AI by its digits. No key is a prefix of another, so matching is unambiguous. */
export const APPLICATION_IDENTIFIERS: ReadonlyMap<string, AiDefinition> = new Map(
  DEFINITIONS.map((definition) => [definition.ai, definition]),
);

/** The definition of the AI that starts `data` at `position`, trying 2, 3 then 4 digits. */
export function matchAi(data: string, position: number): AiDefinition | undefined {
  for (let length = 2; length <= 4; length++) {
    const definition = APPLICATION_IDENTIFIERS.get(data.slice(position, position + length));
    if (definition) return definition;
  }
  return undefined;
}

/** GS1 AI encodable character set 82: the printable ASCII GS1 allows in alphanumeric fields. */
export const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

/** Net weight in grams from a 310n element (`3103`, `"000250"` → 250), integer-rounded. */
export function netWeightGrams(ai: string, value: string): number | undefined {
  const match = /^310([0-5])$/.exec(ai);
  if (!match || !/^\d{6}$/.test(value)) return undefined;
  const decimals = Number(match[1]);
  // Scale in integers: kg × 1000 with n decimals is value × 10^(3-n) (or ÷ 10^(n-3)).
  return decimals <= 3
    ? Number(value) * 10 ** (3 - decimals)
    : Math.round(Number(value) / 10 ** (decimals - 3));
}

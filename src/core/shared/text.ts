/**
 * Text both databases store alike. SQLite keeps a NUL byte and a lone UTF-16 surrogate;
 * PostgreSQL refuses the first and cannot encode the second in UTF-8, so the same request was
 * stored on one and a 500 (or a raw driver message in an import report) on the other. Such
 * text is refused at the edge instead, with the field named.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableText(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  return found[0] === '\u0000'
    ? 'contains a NUL character'
    : 'contains a lone surrogate (not valid Unicode)';
}

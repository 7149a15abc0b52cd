/** Money from integer minor units, in the given currency. */
export function money(minor: number | null | undefined, currency = 'USD'): string {
  if (minor === null || minor === undefined) return '—';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
}

/** Whole currency units with the user's thousands separators, for chart axes ("$12,500"). */
export function wholeMoney(units: number, currency = 'USD'): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(units);
}

/** A calendar date (`YYYY-MM-DD`) in the user's locale; read as that day, whatever the time zone. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(`${iso.slice(0, 10)}T12:00:00`).toLocaleDateString(undefined, {
    dateStyle: 'medium',
  });
}

/** "1 order", "3 orders": a count with its noun (plural by `s` unless given). */
export function plural(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? noun : plural}`;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Eaches as cases + eaches, the way a picker counts them. */
export function casesAndEaches(units: number, caseSize: number | null): string {
  if (!caseSize || caseSize <= 1) return `${units} ea`;
  const cases = Math.floor(units / caseSize);
  const eaches = units % caseSize;
  return [cases ? `${cases} cs` : '', eaches || !cases ? `${eaches} ea` : '']
    .filter(Boolean)
    .join(' + ');
}

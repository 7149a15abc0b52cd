import { useEffect, useState } from 'react';
import { get } from '../api/client';

export type Kind = 'customers' | 'skus' | 'warehouses' | 'price-lists';

/** One lookup per id for the life of the page: lists show the same customers again and again. */
const cache = new Map<string, Promise<string | null>>();

function label(kind: Kind, body: Record<string, unknown>): string {
  return kind === 'customers'
    ? `${String(body.accountNumber)} ${String(body.name)}`
    : `${String(body.code)} ${String(body.name)}`;
}

/** One id's name, for table cells and sentences; the id until (or unless) it is found. */
export function useName(kind: Kind, id: number | null | undefined): string {
  const names = useNames(kind, id ? [id] : []);
  return id ? (names.get(id) ?? `#${id}`) : '—';
}

function lookUp(kind: Kind, id: number): Promise<string | null> {
  const key = `${kind}:${id}`;
  let found = cache.get(key);
  if (!found) {
    // A refused lookup (no such id, not allowed) shows the id, as the screen did before.
    found = get<Record<string, unknown>>(`/${kind}/${id}`)
      .then((body) => label(kind, body))
      .catch(() => null);
    cache.set(key, found);
  }
  return found;
}

/**
 * Names for the customer, SKU, warehouse or price list ids a screen shows ("PET-100 Happy Paws", "DOG-DRY-2KG Dry
 * dog food 2 kg"). The order API answers ids only; until it joins the names in, each distinct
 * id is looked up once and kept.
 */
export function useNames(kind: Kind, ids: readonly number[]): Map<number, string> {
  const [names, setNames] = useState(() => new Map<number, string>());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',').map(Number) : [];
    void Promise.all(wanted.map(async (id) => [id, await lookUp(kind, id)] as const)).then(
      (pairs) => {
        if (!live) return;
        const next = new Map<number, string>();
        for (const [id, name] of pairs) if (name) next.set(id, name);
        setNames(next);
      },
    );
    return () => {
      live = false;
    };
  }, [kind, key]);
  return names;
}

import { useState } from 'react';
import { get, type Page } from '../../api/client';
import type { Sku } from '../../api/types';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi } from '../../ui/useApi';

/** Finds a SKU by code or name, or by a scanned GTIN (8–14 digits) of any pack level. */
export function SkuPicker({
  onPick,
  verb = 'Add',
}: {
  onPick: (sku: Sku, level?: string) => void;
  /** What picking does on this screen: "Add" a line, "Find" stock. */
  verb?: 'Add' | 'Find';
}) {
  const [text, setText] = useState('');
  const query = text.trim();
  const isGtin = /^\d{8,14}$/.test(query);
  const found = useApi(async () => {
    if (query.length < 2) return [];
    if (isGtin) {
      const match = await get<{ level: string; sku: Sku }>(`/gtins/${query}`);
      return [{ ...match.sku, matchedLevel: match.level }];
    }
    return (await get<Page<Sku>>('/skus', { q: query, limit: 10 })).items;
  }, query);
  const results = (found.data ?? []) as (Sku & { matchedLevel?: string })[];

  return (
    <div className="sku-picker">
      <label>
        {verb} SKU (code, name or GTIN)
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="sku-picker-hint"
        />
      </label>
      <span id="sku-picker-hint" className="hint">
        Type at least 2 characters; a scanned GTIN picks its pack level.
      </span>
      {query.length >= 2 && <ProblemBox problem={found.problem} />}
      {results.length > 0 && (
        <ul className="choices" aria-label="Matching SKUs">
          {results.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(s, s.matchedLevel);
                  setText('');
                }}
              >
                <strong>{s.code}</strong> {s.name}
                {s.matchedLevel ? ` (${s.matchedLevel})` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.length >= 2 && !found.loading && !found.problem && results.length === 0 && (
        <p className="empty">No SKU matches “{query}”.</p>
      )}
    </div>
  );
}

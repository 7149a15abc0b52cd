import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Sku } from '../../api/types';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';
import { SkuPicker } from '../orders/SkuPicker';
import { blankTier, priceRows, type TierDraft } from './price-tiers';

export interface PriceSetStart {
  sku: { id: number; code: string } | null;
  level: string;
  tiers: TierDraft[];
}

interface Props {
  priceListId: number;
  start: PriceSetStart;
  onSaved: () => void;
}

/**
 * Prices of one SKU at one pack level: a tier per volume break (in packs of that level), each
 * with a pack price and optional dates. A tier on a stored break and start date corrects it;
 * others are added; tiers not sent stay (remove them from the table).
 */
export function PriceSetForm({ priceListId, start, onSaved }: Props) {
  const [sku, setSku] = useState(start.sku);
  const [levels, setLevels] = useState<string[]>(['each', 'inner', 'case', 'pallet']);
  const [level, setLevel] = useState(start.level);
  const [tiers, setTiers] = useState<TierDraft[]>(start.tiers.length ? start.tiers : [blankTier]);
  const command = useCommand();

  const pick = (picked: Sku, matched?: string) => {
    setSku({ id: picked.id, code: picked.code });
    setLevels(['each', ...picked.packs.map((p) => p.level)]);
    setLevel(matched ?? 'each');
  };
  const setTier = (i: number, patch: Partial<TierDraft>) =>
    setTiers(tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = priceRows(tiers);
    if ('badTier' in made || !sku) {
      command.setProblem({
        status: 0,
        code: 'FORM.INVALID_PRICE',
        title: 'FORM.INVALID_PRICE',
        detail: sku
          ? `Tier ${'badTier' in made ? made.badTier : ''} needs a price like 4.50.`
          : 'Choose a SKU first.',
      });
      return;
    }
    const body = { skuId: sku.id, packLevel: level, prices: made.rows };
    const saved = await command.run(() => api('PUT', `/price-lists/${priceListId}/prices`, body));
    if (saved !== undefined) onSaved();
  };

  return (
    <form className="stock-form" aria-label="Set prices" onSubmit={(e) => void submit(e)}>
      <h2>Set prices</h2>
      {sku ? (
        <p>
          SKU <strong data-testid="price-sku">{sku.code}</strong>{' '}
          <button type="button" onClick={() => setSku(null)}>
            Change SKU
          </button>
        </p>
      ) : (
        <SkuPicker onPick={pick} />
      )}
      <label>
        Pack level
        <select value={level} onChange={(e) => setLevel(e.target.value)}>
          {levels.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      {tiers.map((t, i) => (
        <fieldset key={i} className="tier">
          <legend>Tier {i + 1}</legend>
          <label>
            From quantity (tier {i + 1})
            <input
              type="number"
              min={1}
              required
              value={t.minQuantity}
              onChange={(e) => setTier(i, { minQuantity: e.target.value })}
            />
          </label>
          <label>
            Pack price (tier {i + 1})
            <input
              inputMode="decimal"
              required
              value={t.price}
              onChange={(e) => setTier(i, { price: e.target.value })}
            />
          </label>
          <label>
            Valid from (tier {i + 1})
            <input
              type="date"
              value={t.validFrom}
              onChange={(e) => setTier(i, { validFrom: e.target.value })}
            />
          </label>
          <label>
            Valid until, exclusive (tier {i + 1})
            <input
              type="date"
              value={t.validTo}
              onChange={(e) => setTier(i, { validTo: e.target.value })}
            />
          </label>
          {tiers.length > 1 && (
            <button type="button" onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>
              Drop tier {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" onClick={() => setTiers([...tiers, { ...blankTier, minQuantity: '' }])}>
        Add volume tier
      </button>
      <ProblemBox problem={command.problem} />
      <button type="submit" className="primary" disabled={command.busy}>
        Save prices
      </button>
    </form>
  );
}

import { useState } from 'react';
import { get, type Page } from '../../api/client';
import type { Sku } from '../../api/types';
import type { ExpectedItem } from './count-types';

interface Props {
  /** SKUs the bin should hold, offered first; any other SKU code is looked up. */
  items: ExpectedItem[];
  onAdd: (skuId: number, lotCode: string, quantity: number, label: string) => void;
}

/**
 * Keying a count when there is nothing to scan (a torn label, loose eaches): SKU code, optional
 * lot and a quantity in eaches. Its state stays here, so typing does not re-render the scan
 * field and pull the focus back to it.
 */
export function KeyedEntry({ items, onAdd }: Props) {
  const [code, setCode] = useState('');
  const [lot, setLot] = useState('');
  const [quantity, setQuantity] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const wanted = code.trim().toUpperCase();
    const units = Number(quantity);
    if (!wanted || !Number.isInteger(units) || units < 0) {
      setError('Give a SKU code and a whole quantity of eaches (0 or more).');
      return;
    }
    let skuId = items.find((i) => i.skuCode.toUpperCase() === wanted)?.skuId;
    if (skuId === undefined) {
      const found = await get<Page<Sku>>('/skus', { q: wanted, limit: 10 }).catch(() => null);
      skuId = found?.items.find((s) => s.code.toUpperCase() === wanted)?.id;
    }
    if (skuId === undefined) {
      setError(`No SKU ${wanted}.`);
      return;
    }
    setError(null);
    onAdd(skuId, lot.trim(), units, `${wanted}${lot.trim() ? ` lot ${lot.trim()}` : ''}`);
    setCode('');
    setLot('');
    setQuantity('');
  };

  return (
    <fieldset className="keyed-entry">
      <legend>Key a SKU</legend>
      <label>
        SKU code
        <input
          list="count-expected-skus"
          value={code}
          autoComplete="off"
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <datalist id="count-expected-skus">
        {items.map((i) => (
          <option key={`${i.skuId}-${i.lotCode ?? ''}`} value={i.skuCode}>
            {i.skuName}
          </option>
        ))}
      </datalist>
      <label>
        Lot (if any)
        <input value={lot} autoComplete="off" onChange={(e) => setLot(e.target.value)} />
      </label>
      <label>
        Quantity (eaches)
        <input
          type="number"
          min={0}
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </label>
      <button type="button" onClick={() => void add()}>
        Add count
      </button>
      {error && (
        <p className="feedback feedback-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

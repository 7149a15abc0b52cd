import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, get } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { money } from '../../ui/format';
import { useApi, useCommand } from '../../ui/useApi';
import { useNames } from '../../ui/useNames';
import { PriceSetForm, type PriceSetStart } from './PriceSetForm';
import { tiersOf, type StoredPrice } from './price-tiers';
import type { PriceList } from './PriceLists';

const fresh: PriceSetStart = { sku: null, level: 'each', tiers: [] };

/** One price list: its prices by SKU, pack level and break; set, correct or remove them. */
export function PriceListDetail() {
  const id = Number(useParams().id);
  const list = useApi(
    () => get<PriceList & { prices: StoredPrice[] }>(`/price-lists/${id}`),
    `price-list-${id}`,
  );
  const prices = list.data?.prices ?? [];
  const skus = useNames(
    'skus',
    prices.map((p) => p.skuId),
  );
  const [start, setStart] = useState<{ n: number; value: PriceSetStart }>({ n: 0, value: fresh });
  const command = useCommand();
  const remove = async (priceId: number) => {
    const path = `/price-lists/${id}/prices/${priceId}`;
    if ((await command.run(() => api('DELETE', path))) !== undefined) list.reload();
  };
  const edit = (p: StoredPrice) =>
    setStart({
      n: start.n + 1,
      value: {
        sku: { id: p.skuId, code: skus.get(p.skuId) ?? String(p.skuId) },
        level: p.packLevel,
        tiers: tiersOf(prices, p.skuId, p.packLevel),
      },
    });

  const l = list.data;
  return (
    <section aria-labelledby="price-list-title">
      <div className="page-head">
        <h1 id="price-list-title">Price list {l ? `${l.code} ${l.name}` : id}</h1>
        <Link to="/customers">Customers and price lists</Link>
      </div>
      <ProblemBox problem={list.problem ?? command.problem} />
      <table>
        <caption>Prices</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Pack level</th>
            <th scope="col" className="num">
              From quantity
            </th>
            <th scope="col" className="num">
              Pack price
            </th>
            <th scope="col">Valid</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {prices.length === 0 && (
            <tr>
              <td colSpan={6}>No prices yet: set the first one below.</td>
            </tr>
          )}
          {prices.map((p) => (
            <tr key={p.id}>
              <td>{skus.get(p.skuId) ?? p.skuId}</td>
              <td>{p.packLevel}</td>
              <td className="num">{p.minQuantity}</td>
              <td className="num">{money(p.unitPriceMinor, l?.currency)}</td>
              <td>
                {p.validFrom ?? 'always'} – {p.validTo ?? 'open'}
              </td>
              <td>
                <button type="button" onClick={() => edit(p)}>
                  Edit {skus.get(p.skuId) ?? p.skuId} {p.packLevel}
                </button>{' '}
                <button type="button" onClick={() => void remove(p.id)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PriceSetForm
        key={start.n}
        priceListId={id}
        start={start.value}
        onSaved={() => {
          list.reload();
          setStart({ n: start.n + 1, value: fresh });
        }}
      />
    </section>
  );
}

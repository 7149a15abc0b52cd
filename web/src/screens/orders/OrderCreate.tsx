import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { get, operationId, post, type Page } from '../../api/client';
import type { Customer, Sku } from '../../api/types';
import { money } from '../../ui/format';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import { SkuPicker } from './SkuPicker';

interface DraftLine {
  sku: Sku;
  packLevel: string;
  packQuantity: number;
}

interface Quote {
  totalMinor: number;
  currency: string | null;
  lines: { unitPriceMinor: number; lineTotalMinor: number; quantityBase: number }[];
}

/** Places an order: pick the customer, add lines by SKU or GTIN, see the server's prices. */
export function OrderCreate() {
  const navigate = useNavigate();
  const [customerText, setCustomerText] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [customerPo, setCustomerPo] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [key] = useState(operationId);
  const command = useCommand();

  const customers = useApi(
    () =>
      customerText.trim().length < 1
        ? Promise.resolve({ items: [], nextCursor: null })
        : get<Page<Customer>>('/customers', { search: customerText.trim(), limit: 10 }),
    customerText,
  );
  const body = customer && lines.length > 0 ? orderBody(customer, lines, customerPo) : null;
  const quote = useApi(
    () =>
      body
        ? post<Quote>('/quotes', { customerId: body.customerId, lines: body.lines })
        : Promise.resolve(null),
    JSON.stringify(body),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body) return;
    const placed = await command.run(() => post<{ id: number }>('/orders', body, key));
    if (placed) void navigate(`/orders/${placed.id}`);
  };

  const setLine = (i: number, change: Partial<DraftLine>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));

  return (
    <section aria-labelledby="new-order-title">
      <h1 id="new-order-title">New order</h1>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Customer</legend>
          {customer ? (
            <p>
              <strong>{customer.accountNumber}</strong> {customer.name}{' '}
              {customer.onHold && <span className="chip chip-bad">on hold</span>}{' '}
              <button type="button" className="link" onClick={() => setCustomer(null)}>
                Change
              </button>
            </p>
          ) : (
            <>
              <label>
                Find customer (account or name)
                <input
                  type="search"
                  value={customerText}
                  onChange={(e) => setCustomerText(e.target.value)}
                />
              </label>
              <ProblemBox problem={customers.problem} />
              <ul className="choices" aria-label="Matching customers">
                {(customers.data?.items ?? []).map((c) => (
                  <li key={c.id}>
                    <button type="button" onClick={() => setCustomer(c)}>
                      <strong>{c.accountNumber}</strong> {c.name}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <label>
            Customer PO (optional)
            <input
              value={customerPo}
              maxLength={60}
              onChange={(e) => setCustomerPo(e.target.value)}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Lines</legend>
          <SkuPicker
            onPick={(sku, level) =>
              setLines([...lines, { sku, packLevel: level ?? 'each', packQuantity: 1 }])
            }
          />
          {lines.length === 0 ? (
            <p className="empty">No lines yet. Find a SKU above to add one.</p>
          ) : (
            <table>
              <caption>Order lines</caption>
              <thead>
                <tr>
                  <th scope="col">SKU</th>
                  <th scope="col">Pack</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col" className="num">
                    Line total
                  </th>
                  <th scope="col">
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => {
                  const priced = quote.data?.lines[i];
                  return (
                    <tr key={i}>
                      <td>
                        {l.sku.code} <span className="muted">{l.sku.name}</span>
                      </td>
                      <td>
                        <select
                          aria-label={`Pack level of line ${i + 1}`}
                          value={l.packLevel}
                          onChange={(e) => setLine(i, { packLevel: e.target.value })}
                        >
                          {packLevels(l.sku).map((p) => (
                            <option key={p.level} value={p.level}>
                              {p.level} ({p.quantity} {l.sku.baseUnit})
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="num">
                        <input
                          aria-label={`Quantity of line ${i + 1}`}
                          type="number"
                          min={1}
                          value={l.packQuantity}
                          onChange={(e) =>
                            setLine(i, { packQuantity: Math.max(1, Number(e.target.value)) })
                          }
                        />
                      </td>
                      <td className="num">
                        {priced ? money(priced.unitPriceMinor, quote.data?.currency ?? 'USD') : '—'}
                      </td>
                      <td className="num">
                        {priced ? money(priced.lineTotalMinor, quote.data?.currency ?? 'USD') : '—'}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link"
                          onClick={() => setLines(lines.filter((_, j) => j !== i))}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <ProblemBox problem={quote.problem} />
          {quote.data && (
            <p className="total">
              Total <strong>{money(quote.data.totalMinor, quote.data.currency ?? 'USD')}</strong>
            </p>
          )}
        </fieldset>
        <ProblemBox problem={command.problem} />
        <button type="submit" className="primary" disabled={!body || command.busy}>
          Place order
        </button>
      </form>
    </section>
  );
}

function packLevels(sku: Sku) {
  // Packs are the levels above each (the API's pack level excludes it).
  return [{ level: 'each', quantity: 1 }, ...sku.packs];
}

function orderBody(customer: Customer, lines: DraftLine[], customerPo: string) {
  return {
    customerId: customer.id,
    ...(customerPo.trim() ? { customerPo: customerPo.trim() } : {}),
    lines: lines.map((l) => ({
      skuId: l.sku.id,
      packLevel: l.packLevel,
      packQuantity: l.packQuantity,
    })),
  };
}

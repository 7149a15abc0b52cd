import { useState, type FormEvent } from 'react';
import { get, type Page } from '../../api/client';
import type { Warehouse } from '../../api/types';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import { customerBody, toMinor, type CustomerDraft } from './customer-draft';

interface PriceList {
  id: number;
  code: string;
  name: string;
}

interface Props {
  mode: 'create' | 'edit';
  initial: CustomerDraft;
  /** Sends the body (POST or PATCH); the form shows the API's problem if it throws. */
  save: (body: Record<string, unknown>) => Promise<unknown>;
  onSaved: (result: unknown) => void;
}

type TextKey = {
  [K in keyof CustomerDraft]: CustomerDraft[K] extends string ? K : never;
}[keyof CustomerDraft];

/**
 * Every account setting the API takes: bill-to, price list, payment terms, credit limit,
 * priority, preferred warehouse, ship-complete, backorders and minimum shelf life.
 */
export function CustomerForm({ mode, initial, save, onSaved }: Props) {
  const [d, setD] = useState(initial);
  const command = useCommand();
  const lists = useApi(() => get<Page<PriceList>>('/price-lists', { limit: 100 }), 'price-lists');
  const warehouses = useApi(() => get<Page<Warehouse>>('/warehouses', { limit: 100 }), 'whs');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Number.isNaN(toMinor(d.creditLimit))) {
      command.setProblem({
        status: 0,
        code: 'FORM.INVALID_MONEY',
        title: 'FORM.INVALID_MONEY',
        detail: 'Credit limit must be an amount like 2500 or 2500.00 (empty for no limit).',
      });
      return;
    }
    const result = await command.run(() => save(customerBody(d, mode)));
    if (result !== undefined) onSaved(result);
  };

  const text = (key: TextKey, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} {...extra} />
    </label>
  );
  const flag = (key: 'shipComplete' | 'allowBackorders', label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={d[key]}
        onChange={(e) => setD({ ...d, [key]: e.target.checked })}
      />{' '}
      {label}
    </label>
  );

  return (
    <form className="stock-form" onSubmit={(e) => void submit(e)} aria-label="Customer account">
      {mode === 'create' && text('accountNumber', 'Account number', { required: true })}
      {text('name', 'Name', { required: true })}
      {text('email', 'E-mail', { type: 'email' })}
      {text('phone', 'Phone')}
      <fieldset>
        <legend>Bill-to address</legend>
        {text('line1', 'Address line 1', { required: true })}
        {text('line2', 'Address line 2')}
        {text('city', 'City', { required: true })}
        {text('region', 'Region / state')}
        {text('postalCode', 'Postal code', { required: true })}
        {text('country', 'Country (2 letters)', { required: true, maxLength: 2 })}
      </fieldset>
      <fieldset>
        <legend>Terms</legend>
        {text('currency', 'Currency (3 letters)', { required: true, maxLength: 3 })}
        <label>
          Price list
          <select
            value={d.priceListId}
            onChange={(e) => setD({ ...d, priceListId: e.target.value })}
          >
            <option value="">List prices</option>
            {(lists.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} {p.name}
              </option>
            ))}
          </select>
        </label>
        {text('paymentTermsDays', 'Payment terms (days)', { type: 'number', min: 0, max: 365 })}
        {text('creditLimit', 'Credit limit (empty for none)', { inputMode: 'decimal' })}
        {text('priority', 'Priority (1 first … 9)', { type: 'number', min: 1, max: 9 })}
      </fieldset>
      <fieldset>
        <legend>Fulfillment</legend>
        <label>
          Preferred warehouse
          <select
            value={d.preferredWarehouseId}
            onChange={(e) => setD({ ...d, preferredWarehouseId: e.target.value })}
          >
            <option value="">Any</option>
            {(warehouses.data?.items ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} {w.name}
              </option>
            ))}
          </select>
        </label>
        {flag('shipComplete', 'Ship complete orders only')}
        {flag('allowBackorders', 'Backorders allowed')}
        {text('minRemainingShelfLifeDays', 'Minimum remaining shelf life (days)', {
          type: 'number',
          min: 0,
          max: 3650,
        })}
      </fieldset>
      <ProblemBox problem={command.problem ?? lists.problem ?? warehouses.problem} />
      <button type="submit" className="primary" disabled={command.busy}>
        {mode === 'create' ? 'Create customer' : 'Save changes'}
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { post } from '../../api/client';
import { useSession } from '../../api/session';
import type { Column } from '../../ui/DataTable';
import { ProblemBox } from '../../ui/ProblemBox';
import { ResourceList } from '../../ui/ResourceList';
import { useCommand } from '../../ui/useApi';

export interface PriceList {
  id: number;
  code: string;
  name: string;
  currency: string;
}

const listColumns: Column<PriceList>[] = [
  {
    key: 'code',
    header: 'Code',
    value: (p) => p.code,
    render: (p) => <Link to={`/price-lists/${p.id}`}>{p.code}</Link>,
  },
  { key: 'name', header: 'Name', value: (p) => p.name },
  { key: 'cur', header: 'Currency', value: (p) => p.currency },
];

/** The price lists customers buy on; open one to edit its prices, or start a new one. */
export function PriceLists() {
  const { user } = useSession();
  const writer = user?.role === 'admin' || user?.role === 'manager';
  return (
    <>
      <h2>Price lists</h2>
      <ResourceList
        title="Price lists"
        path="/price-lists"
        columns={listColumns}
        rowKey={(p) => p.id}
        empty="No price lists yet."
      />
      {writer && <NewPriceList />}
    </>
  );
}

/** Managers and admins start a list (the API checks the role again). */
function NewPriceList() {
  const [f, setF] = useState({ code: '', name: '', currency: 'USD' });
  const command = useCommand();
  const navigate = useNavigate();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { code: f.code.trim(), name: f.name.trim(), currency: f.currency.trim() };
    const made = await command.run(() => post<{ id: number }>('/price-lists', body));
    if (made) void navigate(`/price-lists/${made.id}`);
  };
  const field = (key: keyof typeof f, label: string) => (
    <label>
      {label}
      <input required value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="inline-form" aria-label="New price list" onSubmit={(e) => void submit(e)}>
      <h3>New price list</h3>
      {field('code', 'Price list code')}
      {field('name', 'Price list name')}
      {field('currency', 'Price list currency')}
      <ProblemBox problem={command.problem} />
      <button type="submit" disabled={command.busy}>
        Create price list
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { api, post } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';
import type { CustomerAccount } from './customer-draft';

interface Props {
  customerId: number;
  shipTos: CustomerAccount['shipTos'];
  onChanged: () => void;
}

const blank = { code: '', name: '', line1: '', city: '', postalCode: '', country: 'US' };

/** Where an account's goods go: the list, make one the default, add another. */
export function ShipTos({ customerId, shipTos, onChanged }: Props) {
  const [f, setF] = useState(blank);
  const command = useCommand();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      code: f.code.trim(),
      name: f.name.trim(),
      address: {
        line1: f.line1.trim(),
        city: f.city.trim(),
        postalCode: f.postalCode.trim(),
        country: f.country.trim().toUpperCase(),
      },
    };
    if ((await command.run(() => post(`/customers/${customerId}/ship-tos`, body))) !== undefined) {
      setF(blank);
      onChanged();
    }
  };
  const makeDefault = async (shipToId: number) => {
    const path = `/customers/${customerId}/ship-tos/${shipToId}`;
    if ((await command.run(() => api('PATCH', path, { isDefault: true }))) !== undefined)
      onChanged();
  };
  const field = (key: keyof typeof blank, label: string) => (
    <label>
      {label}
      <input required value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
    </label>
  );
  return (
    <>
      <h2>Ship-tos</h2>
      <table>
        <caption className="sr-only">Ship-tos</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Default</th>
          </tr>
        </thead>
        <tbody>
          {shipTos.map((s) => (
            <tr key={s.id}>
              <td>{s.code}</td>
              <td>{s.name}</td>
              <td>
                {s.address.line1}, {s.address.postalCode} {s.address.city}, {s.address.country}
              </td>
              <td>
                {s.isDefault ? (
                  'default'
                ) : (
                  <button type="button" onClick={() => void makeDefault(s.id)}>
                    Make {s.code} default
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(e) => void add(e)} aria-label="Add ship-to">
        {field('code', 'Ship-to code')}
        {field('name', 'Ship-to name')}
        {field('line1', 'Ship-to address')}
        {field('city', 'Ship-to city')}
        {field('postalCode', 'Ship-to postal code')}
        {field('country', 'Ship-to country')}
        <ProblemBox problem={command.problem} />
        <button type="submit" disabled={command.busy}>
          Add ship-to
        </button>
      </form>
    </>
  );
}

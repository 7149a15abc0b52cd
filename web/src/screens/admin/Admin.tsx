import { useState, type FormEvent } from 'react';
import { api, get, post } from '../../api/client';
import type { Role } from '../../api/session';
import { dateTime } from '../../ui/format';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import type { ApiItem } from '../../api/types';

const ROLES: Role[] = ['admin', 'manager', 'planner', 'sales', 'warehouse', 'customer'];

type UserRow = ApiItem<'/api/v1/users'>;
type KeyRow = ApiItem<'/api/v1/api-keys'>;

/** Users (people) and API keys (machines), for admins. */
export function Admin() {
  const users = useApi(() => get<{ items: UserRow[] }>('/users'), 'users');
  const keys = useApi(() => get<{ items: KeyRow[] }>('/api-keys'), 'keys');
  const command = useCommand();
  const [form, setForm] = useState({
    email: '',
    name: '',
    role: 'sales' as Role,
    password: '',
    customerId: '',
  });
  const [newKey, setNewKey] = useState<string | null>(null);
  const [keyRole, setKeyRole] = useState<Role>('manager');

  const addUser = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      email: form.email,
      name: form.name,
      role: form.role,
      password: form.password,
      ...(form.customerId ? { customerId: Number(form.customerId) } : {}),
    };
    if (await command.run(() => post('/users', body))) {
      setForm({ ...form, email: '', name: '', password: '' });
      users.reload();
    }
  };
  const setActive = (u: UserRow, active: boolean) =>
    void command.run(() => api('PATCH', `/users/${u.id}`, { active })).then(users.reload);
  const addKey = async () => {
    const made = await command.run(() => post<{ key: string }>('/api-keys', { role: keyRole }));
    if (made) {
      setNewKey(made.key);
      keys.reload();
    }
  };
  const revoke = (k: KeyRow) =>
    void command.run(() => api('DELETE', `/api-keys/${k.id}`)).then(keys.reload);

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <ProblemBox problem={command.problem} />
      <h2>Users</h2>
      <ProblemBox problem={users.problem} />
      <table>
        <caption className="sr-only">Users</caption>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.items ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>{u.role}</td>
              <td>{dateTime(u.lastSignInAt)}</td>
              <td>
                <button type="button" onClick={() => setActive(u, !u.active)}>
                  {u.active ? 'Deactivate' : 'Activate'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void addUser(e)} className="inline-form" aria-label="New user">
        <label>
          E-mail
          <input
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </label>
        <label>
          Name
          <input
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label>
          Role
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        {form.role === 'customer' && (
          <label>
            Customer id
            <input
              inputMode="numeric"
              value={form.customerId}
              onChange={(e) => setForm({ ...form, customerId: e.target.value })}
            />
          </label>
        )}
        <label>
          Password (10+ characters)
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        <button type="submit" className="primary" disabled={command.busy}>
          Add user
        </button>
      </form>
      <h2>API keys</h2>
      <ProblemBox problem={keys.problem} />
      {newKey && (
        <p role="status" className="feedback feedback-info">
          New key (shown once): <code>{newKey}</code>
        </p>
      )}
      <ul>
        {(keys.data?.items ?? []).map((k) => (
          <li key={k.id}>
            <code>{k.prefix}…</code> {k.name} ({k.role}){' '}
            {k.revokedAt ? (
              `revoked ${dateTime(k.revokedAt)}`
            ) : (
              <button type="button" className="link" onClick={() => revoke(k)}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <label>
        Role of new key
        <select value={keyRole} onChange={(e) => setKeyRole(e.target.value as Role)}>
          {ROLES.filter((r) => r !== 'customer').map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void addKey()}>
        Create API key
      </button>
      <h2>Settings</h2>
      <p className="muted">
        Server settings are set by environment variables (see README); none are editable here yet.
      </p>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, get, post } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { StatusChip } from '../../ui/StatusChip';
import { money } from '../../ui/format';
import { useApi, useCommand } from '../../ui/useApi';
import { CustomerForm } from './CustomerForm';
import { ShipTos } from './ShipTos';
import { draftOf, type CustomerAccount } from './customer-draft';

interface Credit {
  exposureMinor: number;
  availableCreditMinor: number | null;
}

/** One account: what it owes against its limit, hold/release, the settings, its ship-tos. */
export function CustomerDetail() {
  const id = Number(useParams().id);
  const customer = useApi(() => get<CustomerAccount>(`/customers/${id}`), `customer-${id}`);
  const credit = useApi(
    () => get<Credit>(`/customers/${id}/credit`),
    `credit-${id}-${customer.data?.creditLimitMinor}`,
  );
  const [saved, setSaved] = useState('');
  const c = customer.data;
  if (!c) {
    return (
      <section aria-labelledby="customer-title">
        <h1 id="customer-title">Customer</h1>
        <ProblemBox problem={customer.problem} />
        {customer.loading && <p className="loading">Loading…</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby="customer-title">
      <div className="page-head">
        <h1 id="customer-title">
          {c.accountNumber} {c.name} {c.onHold && <StatusChip status="on_hold" />}
        </h1>
        <Link to="/customers">All customers</Link>
      </div>
      <dl className="facts">
        <dt>Credit limit</dt>
        <dd data-testid="credit-limit">
          {c.creditLimitMinor === null ? 'none' : money(c.creditLimitMinor, c.currency)}
        </dd>
        <dt>Exposure (open orders + unpaid)</dt>
        <dd>{money(credit.data?.exposureMinor, c.currency)}</dd>
        <dt>Credit available</dt>
        <dd>
          {credit.data?.availableCreditMinor === null
            ? 'unlimited'
            : money(credit.data?.availableCreditMinor, c.currency)}
        </dd>
        {c.holdReason && (
          <>
            <dt>Hold</dt>
            <dd>{c.holdReason}</dd>
          </>
        )}
      </dl>
      <HoldControl customer={c} onChanged={customer.reload} />
      <h2>Account settings</h2>
      {saved && <p role="status">{saved}</p>}
      <CustomerForm
        key={`${c.id}-${JSON.stringify(c)}`}
        mode="edit"
        initial={draftOf(c)}
        save={(body) => api('PATCH', `/customers/${id}`, body)}
        onSaved={() => {
          setSaved('Saved.');
          customer.reload();
        }}
      />
      <ShipTos customerId={c.id} shipTos={c.shipTos} onChanged={customer.reload} />
    </section>
  );
}

/** Put on hold (with a reason, which new orders then show) or release. */
function HoldControl(props: { customer: CustomerAccount; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const command = useCommand();
  const { id, onHold } = props.customer;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = onHold
      ? await command.run(() => post(`/customers/${id}/release-hold`))
      : await command.run(() => post(`/customers/${id}/hold`, { reason }));
    if (done !== undefined) {
      setReason('');
      props.onChanged();
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Credit hold">
      {!onHold && (
        <label>
          Hold reason
          <input
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      <ProblemBox problem={command.problem} />
      <button type="submit" disabled={command.busy}>
        {onHold ? 'Release hold' : 'Put on hold'}
      </button>
    </form>
  );
}

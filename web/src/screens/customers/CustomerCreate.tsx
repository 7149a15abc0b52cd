import { Link, useNavigate } from 'react-router';
import { post } from '../../api/client';
import { CustomerForm } from './CustomerForm';
import { emptyDraft } from './customer-draft';

/** A new customer account; the API adds ship-to MAIN at the bill-to address. */
export function CustomerCreate() {
  const navigate = useNavigate();
  return (
    <section aria-labelledby="customer-new-title">
      <div className="page-head">
        <h1 id="customer-new-title">New customer</h1>
        <Link to="/customers">All customers</Link>
      </div>
      <CustomerForm
        mode="create"
        initial={emptyDraft}
        save={(body) => post<{ id: number }>('/customers', body)}
        onSaved={(made) => void navigate(`/customers/${(made as { id: number }).id}`)}
      />
    </section>
  );
}

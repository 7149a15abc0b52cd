import { Link } from 'react-router';
import type { Customer } from '../api/types';
import type { Column } from '../ui/DataTable';
import { NameOf } from '../ui/NameOf';
import { ResourceList } from '../ui/ResourceList';
import { PriceLists } from './pricing/PriceLists';

const customerColumns: Column<Customer>[] = [
  {
    key: 'acct',
    header: 'Account',
    value: (c) => c.accountNumber,
    render: (c) => <Link to={`/customers/${c.id}`}>{c.accountNumber}</Link>,
  },
  { key: 'name', header: 'Name', value: (c) => c.name },
  { key: 'cur', header: 'Currency', value: (c) => c.currency },
  {
    key: 'pl',
    header: 'Price list',
    value: (c) => c.priceListId,
    render: (c) => (c.priceListId ? <NameOf kind="price-lists" id={c.priceListId} /> : '—'),
  },
  { key: 'hold', header: 'On hold', value: (c) => (c.onHold ? 'yes' : 'no') },
];

/** Customer accounts (open one to edit it) and the price lists they buy on. */
export function Customers() {
  return (
    <section aria-labelledby="customers-title">
      <div className="page-head">
        <h1 id="customers-title">Customers</h1>
        <Link to="/customers/new" className="button">
          New customer
        </Link>
      </div>
      <ResourceList
        title="Customers"
        path="/customers"
        searchParam="search"
        columns={customerColumns}
        rowKey={(c) => c.id}
        empty="No customers match."
      />
      <PriceLists />
    </section>
  );
}

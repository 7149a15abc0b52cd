import type { Customer } from '../api/types';
import type { Column } from '../ui/DataTable';
import { ResourceList } from '../ui/ResourceList';

interface PriceList {
  id: number;
  code: string;
  name: string;
  currency: string;
}

const customerColumns: Column<Customer>[] = [
  { key: 'acct', header: 'Account', value: (c) => c.accountNumber },
  { key: 'name', header: 'Name', value: (c) => c.name },
  { key: 'cur', header: 'Currency', value: (c) => c.currency },
  { key: 'pl', header: 'Price list', value: (c) => c.priceListId },
  { key: 'hold', header: 'On hold', value: (c) => (c.onHold ? 'yes' : 'no') },
];

const listColumns: Column<PriceList>[] = [
  { key: 'code', header: 'Code', value: (p) => p.code },
  { key: 'name', header: 'Name', value: (p) => p.name },
  { key: 'cur', header: 'Currency', value: (p) => p.currency },
];

/** Customer accounts and the price lists they buy on. */
export function Customers() {
  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <ResourceList
        title="Customers"
        path="/customers"
        searchParam="search"
        columns={customerColumns}
        rowKey={(c) => c.id}
        empty="No customers match."
      />
      <h2>Price lists</h2>
      <ResourceList
        title="Price lists"
        path="/price-lists"
        columns={listColumns}
        rowKey={(p) => p.id}
        empty="No price lists yet."
      />
    </section>
  );
}

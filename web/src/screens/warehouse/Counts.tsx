import type { Column } from '../../ui/DataTable';
import { ResourceList } from '../../ui/ResourceList';

interface CountTask {
  id: number;
  status: string;
  locationCode?: string;
  skuCode?: string | null;
  expected?: number | null;
  counted?: number | null;
}

const columns: Column<CountTask>[] = [
  { key: 'id', header: 'Count', value: (c) => c.id },
  { key: 'loc', header: 'Bin', value: (c) => c.locationCode ?? null },
  { key: 'sku', header: 'SKU', value: (c) => c.skuCode ?? null },
  { key: 'counted', header: 'Counted', value: (c) => c.counted ?? null, numeric: true },
  { key: 'status', header: 'Status', value: (c) => c.status },
];

/** Cycle count tasks for the floor. */
export function Counts() {
  return (
    <section className="handheld" aria-labelledby="counts-title">
      <h1 id="counts-title">Counts</h1>
      <ResourceList
        title="Count tasks"
        path="/count-tasks"
        filters={{ status: 'open' }}
        columns={columns}
        rowKey={(c) => c.id}
        empty="No counts to do."
      />
    </section>
  );
}

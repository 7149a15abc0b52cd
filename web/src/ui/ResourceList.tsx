import { useState } from 'react';
import { get, type Page, type Query } from '../api/client';
import { DataTable, type Column } from './DataTable';
import { ProblemBox } from './ProblemBox';
import { useApi } from './useApi';

interface Props<T> {
  title: string;
  path: string;
  columns: Column<T>[];
  rowKey: (row: T) => number | string;
  /** The query parameter the search box fills (none: no search box). */
  searchParam?: string;
  filters?: Query;
  empty: string;
}

/**
 * A list screen over one API list endpoint: a search box sent to the server, client-side
 * sorting and paging of what came back, cursor paging for more, and the API's problem shown
 * as it is (a route not there yet says so, rather than showing an empty list).
 */
export function ResourceList<T>(props: Props<T>) {
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const query: Query = { ...props.filters, limit: 100, cursor };
  if (props.searchParam) query[props.searchParam] = search.trim();
  const page = useApi(
    async () => {
      const body = await get<Page<T> | T[]>(props.path, query);
      return Array.isArray(body) ? { items: body, nextCursor: null } : body;
    },
    JSON.stringify([props.path, query]),
  );

  return (
    <>
      {props.searchParam && (
        <div className="filters" role="search">
          <label>
            Search {props.title.toLowerCase()}
            <input
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setCursors([]);
              }}
            />
          </label>
        </div>
      )}
      <ProblemBox problem={page.problem} />
      <DataTable
        caption={props.title}
        columns={props.columns}
        rows={page.data?.items ?? []}
        rowKey={props.rowKey}
        loading={page.loading}
        empty={<p>{page.problem ? 'Nothing to show.' : props.empty}</p>}
      />
      {(cursors.length > 0 || page.data?.nextCursor) && (
        <nav className="pager" aria-label={`${props.title} pages`}>
          <button
            type="button"
            disabled={cursors.length === 0}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Back
          </button>
          <button
            type="button"
            disabled={!page.data?.nextCursor}
            onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
          >
            More
          </button>
        </nav>
      )}
    </>
  );
}

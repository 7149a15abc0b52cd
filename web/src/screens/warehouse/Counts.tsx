import { Link } from 'react-router';
import { get, type Page } from '../../api/client';
import { useSession } from '../../api/session';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi } from '../../ui/useApi';
import { onePerBin, type CountTaskHead } from './count-types';
import { day, plural } from '../../ui/format';

/** Cycle counts: the floor's open tasks, and for managers the counted ones to decide on. */
export function Counts() {
  const { user } = useSession();
  const deciding = user?.role === 'admin' || user?.role === 'manager';
  return (
    <section className="handheld" aria-labelledby="counts-title">
      <h1 id="counts-title">Counts</h1>
      <TaskLinks
        title="To count"
        status="open"
        empty="No counts to do."
        href={(t) => `/warehouse/counts/${t.id}`}
        label={(t) => `Count ${t.locationCode}`}
      />
      {deciding && (
        <TaskLinks
          title="To approve"
          status="counted"
          empty="Nothing waiting for approval."
          href={(t) => `/warehouse/counts/${t.id}/review`}
          label={(t) => `Review ${t.locationCode}`}
        />
      )}
    </section>
  );
}

interface ListProps {
  title: string;
  status: string;
  empty: string;
  href: (t: CountTaskHead) => string;
  label: (t: CountTaskHead) => string;
}

/** One status's tasks as big links, due date and reason under each. */
function TaskLinks(props: ListProps) {
  const list = useApi(
    () => get<Page<CountTaskHead>>('/count-tasks', { status: props.status, limit: 100 }),
    `counts-${props.status}`,
  );
  const items = onePerBin(list.data?.items ?? []);
  return (
    <>
      <h2>{props.title}</h2>
      <ProblemBox problem={list.problem} />
      {list.loading && !list.data && <p>Loading…</p>}
      {list.data && items.length === 0 && <p>{props.empty}</p>}
      <ul className="big-buttons" aria-label={props.title}>
        {items.map((t) => (
          <li key={t.id}>
            <Link className="button big" to={props.href(t)}>
              {props.label(t)}
              <span className="hint">
                {t.reason} · due {day(t.dueDate)}
                {t.countedBy ? ` · counted by ${t.countedBy}` : ''}
                {t.alsoPending > 0
                  ? ` · ${plural(t.alsoPending, 'more task', 'more tasks')} at this bin`
                  : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

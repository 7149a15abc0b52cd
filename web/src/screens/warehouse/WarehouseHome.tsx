import { Link } from 'react-router';

const TASKS = [
  { to: '/warehouse/waves', label: 'Release wave', hint: 'Turn orders into pick tasks' },
  { to: '/warehouse/pick', label: 'Pick', hint: 'Scan bin, then product' },
  { to: '/warehouse/pack', label: 'Pack and ship', hint: 'Cartons, labels, packing slip' },
  { to: '/warehouse/receiving', label: 'Receive and put away', hint: 'POs and move tasks' },
  { to: '/warehouse/counts', label: 'Count', hint: 'Cycle count tasks' },
];

/** The handheld's start screen: one large button per job. */
export function WarehouseHome() {
  return (
    <section className="handheld" aria-labelledby="wh-title">
      <h1 id="wh-title">Warehouse</h1>
      <ul className="big-buttons">
        {TASKS.map((t) => (
          <li key={t.to}>
            <Link className="button big" to={t.to}>
              {t.label}
              <span className="hint">{t.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

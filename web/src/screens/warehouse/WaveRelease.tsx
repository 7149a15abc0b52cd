import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { get, post, type Page } from '../../api/client';
import type { Warehouse } from '../../api/types';
import { ProblemBox } from '../../ui/ProblemBox';
import { useApi, useCommand } from '../../ui/useApi';
import { plural } from '../../ui/format';

interface Released {
  id: number;
  pickMode: string;
  orderIds: number[];
  tasks: number;
  units: number;
}

/** Releases the next wave of a warehouse: its orders become pick tasks in walking order. */
export function WaveRelease() {
  const warehouses = useApi(() => get<Page<Warehouse>>('/warehouses', { limit: 100 }), 'all');
  const [warehouseId, setWarehouseId] = useState('');
  const [pickMode, setPickMode] = useState('batch');
  const [maxOrders, setMaxOrders] = useState(20);
  const [released, setReleased] = useState<Released | null>(null);
  const command = useCommand();
  const chosen = warehouseId || String(warehouses.data?.items[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wave = await command.run(() =>
      post<Released>('/waves', { warehouseId: Number(chosen), pickMode, maxOrders }),
    );
    if (wave) setReleased(wave);
  };

  return (
    <section className="handheld" aria-labelledby="wave-title">
      <h1 id="wave-title">Release a wave</h1>
      <ProblemBox problem={warehouses.problem} />
      <form onSubmit={(e) => void submit(e)}>
        <label>
          Warehouse
          <select value={chosen} onChange={(e) => setWarehouseId(e.target.value)}>
            {(warehouses.data?.items ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} {w.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pick mode
          <select value={pickMode} onChange={(e) => setPickMode(e.target.value)}>
            <option value="batch">Batch (one walk, many orders)</option>
            <option value="discrete">Discrete (one order per walk)</option>
            <option value="zone">Zone</option>
          </select>
        </label>
        <label>
          Most orders
          <input
            type="number"
            min={1}
            value={maxOrders}
            onChange={(e) => setMaxOrders(Number(e.target.value))}
          />
        </label>
        <ProblemBox problem={command.problem} />
        <button type="submit" className="primary big" disabled={!chosen || command.busy}>
          Release wave
        </button>
      </form>
      {released && (
        <div className="feedback feedback-success" role="status">
          Wave {released.id} released: {plural(released.orderIds.length, 'order')},{' '}
          {plural(released.tasks, 'pick')}, {plural(released.units, 'unit')}.{' '}
          <Link className="button primary big" to={`/warehouse/pick/${released.id}`}>
            Start picking
          </Link>
        </div>
      )}
    </section>
  );
}

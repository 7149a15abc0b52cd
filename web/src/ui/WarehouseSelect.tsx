import { useEffect } from 'react';
import { get, type Page } from '../api/client';
import type { Warehouse } from '../api/types';
import { ProblemBox } from './ProblemBox';
import { useApi } from './useApi';

/** Picks a warehouse; chooses the first one when nothing is chosen yet. */
export function WarehouseSelect(props: { value: number | null; onChange: (id: number) => void }) {
  const list = useApi(() => get<Page<Warehouse>>('/warehouses', { limit: 100 }), 'warehouses');
  const first = list.data?.items[0]?.id;
  const { value, onChange } = props;
  useEffect(() => {
    if (value === null && first !== undefined) onChange(first);
  }, [value, first, onChange]);
  return (
    <>
      <label>
        Warehouse
        <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
          {(list.data?.items ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.code} {w.name}
            </option>
          ))}
        </select>
      </label>
      <ProblemBox problem={list.problem} />
    </>
  );
}

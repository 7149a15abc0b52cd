import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../api/client';
import { problemOf } from './ProblemBox';

export interface Loaded<T> {
  data: T | undefined;
  problem: Problem | null;
  loading: boolean;
  reload(): void;
}

/**
 * Loads whatever `load` returns, again whenever `key` changes; an older answer arriving after
 * a newer request is dropped, so fast typing in a search box never shows stale rows.
 */
export function useApi<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    loader
      .current()
      .then((value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setProblem(null);
      })
      .catch((error: unknown) => {
        if (ticket === latest.current) setProblem(problemOf(error));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, problem, loading, reload };
}

/** Runs a command and keeps its problem, for forms and action buttons. */
export function useCommand() {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setProblem(null);
    try {
      return await work();
    } catch (error) {
      setProblem(problemOf(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { problem, busy, run, setProblem };
}

import { useEffect, useState } from 'react';

interface HistoryStatus {
  building: boolean;
  days: number;
  daysDone: number;
  through: string | null;
}

/** How often the banner asks /health while the demo's history is being built. */
const POLL_MS = 15_000;

/**
 * A first demo start serves at once and simulates its year of history behind it; until that
 * is done, dashboards and forecasts show only part of the year, and this banner says so.
 */
export function HistoryBanner() {
  const [history, setHistory] = useState<HistoryStatus | undefined>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const health = (await (await fetch('/health')).json()) as { history?: HistoryStatus };
        if (stopped) return;
        setHistory(health.history);
        if (health.history?.building) timer = setTimeout(() => void poll(), POLL_MS);
      } catch {
        if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  if (!history?.building) return null;
  const percent = Math.floor((history.daysDone * 100) / history.days);
  return (
    <p className="history-banner" role="status">
      The demo&apos;s history is still being built: {history.daysDone} of {history.days} days (
      {percent} %){history.through ? `, through ${history.through}` : ''}. Dashboards and forecasts
      fill in as it goes.
    </p>
  );
}

import { get } from '../api/client';
import type { ApiBody } from '../api/types';

/** `GET /dashboard`: every figure counted by the server over all rows. */
export type DashboardSummary = ApiBody<'/api/v1/dashboard', 'get'>;

/** GET /kpis: one table per KPI, rows per group × period bucket (and totals). */
export type KpiReport = ApiBody<'/api/v1/kpis', 'get'>;

export interface DashboardData {
  summary: DashboardSummary;
  kpis: KpiReport | null;
}

/** The currency with the most order value over the days: the one the value chart shows. */
export function mainCurrency(days: DashboardSummary['days']): string {
  const totals = new Map<string, number>();
  for (const d of days)
    for (const [currency, minor] of Object.entries(d.valueMinor))
      totals.set(currency, (totals.get(currency) ?? 0) + minor);
  let best = 'USD';
  let most = -1;
  for (const [currency, total] of totals) if (total > most) [best, most] = [currency, total];
  return best;
}

/**
 * What the dashboard shows: the server's aggregates (never a page of a list counted in the
 * browser) and the service KPIs over the same days; the tiles work while the KPIs are missing.
 */
export async function loadDashboard(): Promise<DashboardData> {
  const summary = await get<DashboardSummary>('/dashboard');
  const first = summary.days[0]?.day ?? summary.today;
  const kpis = await get<KpiReport>('/kpis', {
    from: first,
    to: nextDay(summary.today),
    period: 'day',
    groupBy: 'none',
  }).catch(() => null);
  return { summary, kpis };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

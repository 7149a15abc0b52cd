import { Type } from 'typebox';
import { KPI_NAMES } from '../../../core/kpis/kpi-table.js';
import { PERIODS } from '../../../core/kpis/periods.js';

const Id = Type.Integer({ minimum: 1 });
const Pct = (description: string) => Type.Number({ minimum: 0, maximum: 1000, description });

export const KpiQueryIn = Type.Object(
  {
    from: Type.String({
      format: 'date',
      description: "First business day (each warehouse's local day), inclusive",
    }),
    to: Type.String({
      format: 'date',
      description: "Last business day (each warehouse's local day), exclusive",
    }),
    period: Type.Optional(
      Type.Union(
        PERIODS.map((p) => Type.Literal(p)),
        { description: 'Time-series buckets: day, ISO week (Monday) or calendar month' },
      ),
    ),
    groupBy: Type.Optional(
      Type.Union([Type.Literal('warehouse'), Type.Literal('customer'), Type.Literal('none')]),
    ),
    warehouseId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    format: Type.Optional(Type.Literal('csv', { description: 'CSV of the one KPI table' })),
  },
  { additionalProperties: false },
);

export const KpiParams = Type.Object({
  name: Type.Union(KPI_NAMES.map((n) => Type.Literal(n))),
});

export const KpiSettingsIn = Type.Object(
  {
    capitalPct: Type.Optional(Pct('Annual cost of capital, % of inventory value')),
    storagePct: Type.Optional(Pct('Annual storage cost, % of inventory value')),
    insurancePct: Type.Optional(Pct('Annual insurance and tax, % of inventory value')),
    obsolescencePct: Type.Optional(Pct('Annual obsolescence and shrink, % of inventory value')),
    deadStockDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    expiringWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    countTolerancePct: Type.Optional(Pct('A count within this % of the system figure is accurate')),
  },
  { additionalProperties: false },
);

const TONES: Record<string, string> = {
  allocated: 'ok',
  shipped: 'ok',
  delivered: 'ok',
  completed: 'ok',
  released: 'info',
  picking: 'info',
  packed: 'info',
  confirmed: 'info',
  backordered: 'warn',
  partially_allocated: 'warn',
  on_hold: 'bad',
  cancelled: 'muted',
  draft: 'muted',
};

/** A status as a coloured chip; the text carries the meaning, the colour only helps. */
export function StatusChip({ status }: { status: string }) {
  return (
    <span className={`chip chip-${TONES[status] ?? 'info'}`} data-status={status}>
      {status.replaceAll('_', ' ')}
    </span>
  );
}

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

interface Props {
  title: string;
  /** Unix seconds of each point. */
  x: number[];
  series: Series[];
  height?: number;
  /** A summary for screen readers: the chart itself is a canvas. */
  summary: string;
  /** How the y axis writes a value (e.g. whole currency with separators); plain otherwise. */
  yFormat?: (value: number) => string;
}

/** Room for the y axis: its longest label at about 8 px a character, plus the ticks. */
export function yAxisSize(labels: readonly string[] | undefined): number {
  const longest = Math.max(3, ...(labels ?? []).map((l) => l.length));
  return longest * 8 + 24;
}

/** A small time-series chart (uPlot on a canvas) that resizes with its box. */
export function TrendChart({ title, x, series, height = 160, summary, yFormat }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height,
        legend: { show: series.length > 1 },
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            ...(s.dash ? { dash: s.dash } : {}),
          })),
        ],
        axes: [
          {},
          {
            size: (_self, values) => yAxisSize(values),
            ...(yFormat ? { values: (_self, splits) => splits.map((v) => yFormat(v)) } : {}),
          },
        ],
      },
      [x, ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(200, el.clientWidth), height }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, series, height, yFormat]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} role="img" aria-label={`${title}: ${summary}`} />
    </figure>
  );
}

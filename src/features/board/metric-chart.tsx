import { lazy, Suspense, useMemo } from 'react';
import { decimate } from '../../lib/decimate.ts';
import { plotWidth } from './chart-geometry.ts';
import type { ChartPoint, ThresholdLine } from './metric-series.ts';
import { useElementSize } from './use-element-size.ts';

// recharts is about 100 KB gzip: loaded after the first paint, so the figures a commander reads
// first never wait for it.
const MetricLineChart = lazy(() =>
  import('./metric-line-chart.tsx').then((m) => ({ default: m.MetricLineChart })),
);

const NO_THRESHOLDS: readonly ThresholdLine[] = [];

/**
 * A metric over time, sized by its container. It draws no more points than the plot has pixels:
 * the series is decimated to the plot width first, keeping each bucket's extremes so spikes stay.
 * Until it is measured (and always in jsdom) it draws nothing; the figures live outside it.
 */
export function MetricChart({
  label,
  points,
  formatValue,
  thresholds = NO_THRESHOLDS,
  className = 'h-28 [@media(min-height:900px)]:h-40',
}: {
  /** What the chart shows, in words, for screen readers: it is an image to them. */
  label: string;
  points: readonly ChartPoint[];
  /** Formats a value in the chart's unit, for the axis and the tooltip. Keep it stable. */
  formatValue: (value: number) => string;
  thresholds?: readonly ThresholdLine[];
  className?: string;
}) {
  const [ref, { width, height }] = useElementSize<HTMLDivElement>();
  const limit = plotWidth(width);
  const drawn = useMemo(() => decimate(points, limit, (p) => p.v), [points, limit]);
  const measured = limit > 0 && height > 0;

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-points={measured ? drawn.length : 0}
      className={`relative mt-2 min-w-0 ${className}`}
    >
      {measured && (
        // The label above says it all; the SVG's own ticks and labels would only be read as noise.
        <div aria-hidden="true">
          <Suspense fallback={<p className="p-2 text-sm text-slate-500">loading chart…</p>}>
            <MetricLineChart
              points={drawn}
              width={width}
              height={height}
              thresholds={thresholds}
              formatValue={formatValue}
            />
          </Suspense>
        </div>
      )}
    </div>
  );
}

import { useMemo } from 'react';
import type { Metrics, MetricWindow } from '../../../contract/schemas.ts';
import { MetricChart } from './metric-chart.tsx';
import { MetricFigure } from './metric-figure.tsx';
import { formatRate } from './metric-format.ts';
import { MetricPanel } from './metric-panel.tsx';
import { describeSpan, toSeries } from './metric-series.ts';

/** Orders per second now and over the windows held. Zero is a real value here, not a gap. */
export function ThroughputPanel({ className }: { className?: string }) {
  return (
    <MetricPanel title="Throughput" className={className}>
      {(metrics, latest) => <ThroughputBody metrics={metrics} latest={latest} />}
    </MetricPanel>
  );
}

const throughputOf = (w: MetricWindow) => w.throughput;

function ThroughputBody({ metrics, latest }: { metrics: Metrics; latest: MetricWindow }) {
  const points = useMemo(() => toSeries(metrics.windows, throughputOf), [metrics.windows]);
  const shown = `${formatRate(latest.throughput)} orders/s`;
  const halted = latest.throughput === 0;

  return (
    <>
      <MetricFigure
        testId="throughput"
        value={shown}
        // Said plainly: HALTED and KILLED look exactly like this, and so does a dead order gateway.
        badge={
          halted && (
            <p className="rounded bg-amber-950 px-2 py-0.5 text-lg font-semibold text-amber-200 ring-1 ring-amber-500">
              <span aria-hidden="true">■ </span>no orders — trading halted?
            </p>
          )
        }
      />
      <MetricChart
        label={`throughput over ${describeSpan(metrics.windows)}, currently ${shown}`}
        points={points}
        formatValue={formatRate}
      />
    </>
  );
}

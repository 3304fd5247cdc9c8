import { useStatus } from '../../live/status-query.ts';
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
  const noOrders = latest.throughput === 0;
  const tradingState = useStatus((s) => s.tradingState?.state);
  // Zero orders means what the trading state says it means; when it says ACTIVE, that is the alarm.
  const why =
    tradingState === 'HALTED' || tradingState === 'KILLED'
      ? `no orders — trading is ${tradingState}`
      : 'no orders while trading is supposed to be running';

  return (
    <>
      <MetricFigure
        testId="throughput"
        value={shown}
        // Said plainly: HALTED and KILLED look exactly like this, and so does a dead order gateway.
        badge={
          noOrders && (
            <p className="rounded bg-amber-950 px-2 py-0.5 text-lg font-semibold text-amber-200 ring-1 ring-amber-500">
              <span aria-hidden="true">■ </span>
              {why}
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

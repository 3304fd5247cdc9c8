import { useCallback, useMemo } from 'react';
import type { Metrics, MetricWindow } from '../../../contract/schemas.ts';
import { latencyLevel } from '../../config/thresholds.ts';
import { useThresholds } from '../../live/use-thresholds.ts';
import { formatLatency } from '../../lib/format.ts';
import { LevelBadge } from './level-badge.tsx';
import { latencyChartUnit, latencyLines, latencySeries } from './latency-series.ts';
import { MetricChart } from './metric-chart.tsx';
import { MetricFigure } from './metric-figure.tsx';
import { formatLatencyShort, formatLatencyThreshold } from './metric-format.ts';
import { MetricPanel } from './metric-panel.tsx';
import { describeSpan } from './metric-series.ts';

/** p99 latency now, judged against the trading system's thresholds, and over the windows held. */
export function LatencyPanel({ className }: { className?: string }) {
  return (
    <MetricPanel title="Latency p99" className={className}>
      {(metrics, latest) => <LatencyBody metrics={metrics} latest={latest} />}
    </MetricPanel>
  );
}

function LatencyBody({ metrics, latest }: { metrics: Metrics; latest: MetricWindow }) {
  const t = useThresholds();
  const unit = latencyChartUnit(metrics.windows, t);
  const points = useMemo(() => latencySeries(metrics.windows, unit), [metrics.windows, unit]);
  const lines = useMemo(() => latencyLines(t, unit), [t, unit]);
  const formatValue = useCallback((v: number) => formatLatencyShort(v, unit), [unit]);

  const p99 = latest.latencyP99;
  const shown = p99 ? formatLatency(p99.value, p99.unit) : '—';
  const over = {
    warning: formatLatencyThreshold(t.latencyP99.warning.value, t.latencyP99.warning.unit),
    critical: formatLatencyThreshold(t.latencyP99.critical.value, t.latencyP99.critical.unit),
  };
  const now = p99 ? `currently ${shown}` : 'no orders in the latest window';

  return (
    <>
      <MetricFigure
        testId="latency-p99"
        value={shown}
        level={p99 ? latencyLevel(p99, t) : 'none'}
        badge={p99 && <LevelBadge level={latencyLevel(p99, t)} over={over} />}
        note={!p99 && 'no orders in the latest window: no p99 to measure'}
      />
      <MetricChart
        label={`p99 latency over ${describeSpan(metrics.windows)}, ${now}`}
        points={points}
        thresholds={lines}
        formatValue={formatValue}
      />
    </>
  );
}

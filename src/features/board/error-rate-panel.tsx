import { useMemo } from 'react';
import type { Metrics, MetricWindow } from '../../../contract/schemas.ts';
import { errorRateLevel } from '../../config/thresholds.ts';
import type { Thresholds } from '../../config/thresholds.ts';
import { useThresholds } from '../../live/use-thresholds.ts';
import { LevelBadge } from './level-badge.tsx';
import { MetricChart } from './metric-chart.tsx';
import { MetricFigure } from './metric-figure.tsx';
import { formatPercent, formatPercentShort, formatPercentThreshold } from './metric-format.ts';
import { MetricPanel } from './metric-panel.tsx';
import { describeSpan, toSeries } from './metric-series.ts';
import type { ThresholdLine } from './metric-series.ts';

/** Share of orders failing now, judged against the thresholds, and over the windows held. */
export function ErrorRatePanel({ className }: { className?: string }) {
  return (
    <MetricPanel title="Error rate" className={className}>
      {(metrics, latest) => <ErrorRateBody metrics={metrics} latest={latest} />}
    </MetricPanel>
  );
}

// With no orders there is no rate (0 of 0 failed is not "0 % failing"): a gap, like the p99.
const rateOf = (w: MetricWindow) => (w.orders === 0 ? null : w.errorRate);

export function errorRateLines(t: Thresholds): ThresholdLine[] {
  return (['warning', 'critical'] as const).map((level) => ({
    level,
    value: t.errorRate[level],
    label: `${level} ${formatPercentThreshold(t.errorRate[level])}`,
  }));
}

function ErrorRateBody({ metrics, latest }: { metrics: Metrics; latest: MetricWindow }) {
  const t = useThresholds();
  const points = useMemo(() => toSeries(metrics.windows, rateOf), [metrics.windows]);
  const lines = useMemo(() => errorRateLines(t), [t]);

  const rate = rateOf(latest);
  const shown = rate === null ? '—' : formatPercent(rate);
  const over = {
    warning: formatPercentThreshold(t.errorRate.warning),
    critical: formatPercentThreshold(t.errorRate.critical),
  };
  const now = rate === null ? 'no orders in the latest window' : `currently ${shown}`;

  return (
    <>
      <MetricFigure
        testId="error-rate"
        value={shown}
        level={rate === null ? 'none' : errorRateLevel(rate, t)}
        badge={rate !== null && <LevelBadge level={errorRateLevel(rate, t)} over={over} />}
        note={
          rate === null
            ? 'no orders in the latest window: no error rate to measure'
            : `${latest.errors.toLocaleString('en-US')} of ${latest.orders.toLocaleString('en-US')} orders failed`
        }
      />
      <MetricChart
        label={`error rate over ${describeSpan(metrics.windows)}, ${now}`}
        points={points}
        thresholds={lines}
        formatValue={formatPercentShort}
      />
    </>
  );
}

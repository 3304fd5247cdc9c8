import type { LatencyUnit, MetricWindow } from '../../../contract/schemas.ts';
import { inUnit } from '../../config/thresholds.ts';
import type { Thresholds } from '../../config/thresholds.ts';
import { formatLatencyThreshold } from './metric-format.ts';
import { toSeries } from './metric-series.ts';
import type { ChartPoint, ThresholdLine } from './metric-series.ts';

// The p99 chart is drawn in one unit: the data's own (the latest measured window's), so the axis
// reads like the figure above it. Every window and both thresholds are converted into it, since
// the thresholds come from config and may be in ms while the trading system reports µs.

export function latencyChartUnit(windows: readonly MetricWindow[], t: Thresholds): LatencyUnit {
  const measured = windows.findLast((w) => w.latencyP99 !== null);
  return measured?.latencyP99?.unit ?? t.latencyP99.critical.unit;
}

/** p99 per window in `unit`; a window without orders has no p99 and is a gap, never a zero. */
export function latencySeries(windows: readonly MetricWindow[], unit: LatencyUnit): ChartPoint[] {
  return toSeries(windows, (w) => (w.latencyP99 ? inUnit(w.latencyP99, unit) : null));
}

export function latencyLines(t: Thresholds, unit: LatencyUnit): ThresholdLine[] {
  return (['warning', 'critical'] as const).map((level) => {
    const threshold = t.latencyP99[level];
    return {
      level,
      value: inUnit(threshold, unit),
      label: `${level} ${formatLatencyThreshold(threshold.value, threshold.unit)}`,
    };
  });
}

import type { MetricWindow } from '../../../contract/schemas.ts';

/** One point of a metric chart: window end (epoch ms) and its value; null draws a gap. */
export interface ChartPoint {
  t: number;
  v: number | null;
}

/** A horizontal threshold line on a chart, already in the chart's own unit. */
export interface ThresholdLine {
  level: 'warning' | 'critical';
  value: number;
  label: string;
}

/**
 * The windows as chart points. Where windows are missing (the board was cut off for a while and
 * no window filled the hole), a gap point is inserted: a straight line across the hole would
 * draw measurements nobody made.
 */
export function toSeries(
  windows: readonly MetricWindow[],
  valueOf: (w: MetricWindow) => number | null,
): ChartPoint[] {
  const points: ChartPoint[] = [];
  let previousEnd: number | null = null;
  for (const w of windows) {
    const start = Date.parse(w.start);
    if (previousEnd !== null && start > previousEnd) points.push({ t: start, v: null });
    previousEnd = Date.parse(w.end);
    points.push({ t: previousEnd, v: valueOf(w) });
  }
  return points;
}

/** "the last 5 minutes", "the last 45 seconds": what time the held windows cover, for labels. */
export function describeSpan(windows: readonly MetricWindow[]): string {
  const first = windows[0];
  const last = windows.at(-1);
  if (!first || !last) return 'no time';
  const seconds = Math.max(0, Math.round((Date.parse(last.end) - Date.parse(first.start)) / 1000));
  if (seconds < 90) return `the last ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `the last ${minutes} minutes`;
}

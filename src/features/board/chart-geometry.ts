// Shared by MetricChart (which decimates) and the lazily loaded recharts chart (which draws), so
// that the decimation limit is the plot's real width without loading recharts to learn it.

export const CHART_MARGIN = { top: 8, right: 12, bottom: 0, left: 0 } as const;
export const Y_AXIS_WIDTH = 60;

/** Horizontal pixels of the plot area in a chart `width` pixels wide: the most points worth drawing. */
export function plotWidth(width: number): number {
  return Math.max(0, Math.floor(width - Y_AXIS_WIDTH - CHART_MARGIN.left - CHART_MARGIN.right));
}

import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock } from '../../lib/format.ts';
import { CHART_MARGIN, Y_AXIS_WIDTH } from './chart-geometry.ts';
import type { ChartPoint, ThresholdLine } from './metric-series.ts';

// The only module that imports recharts; loaded lazily by MetricChart.

const lineColour = { warning: '#fbbf24', critical: '#f87171' } as const;
const axisColour = '#94a3b8';

/**
 * The recharts drawing of one metric. Animations are off: a war room needs the value now, not a
 * tween towards it. Memoised, because the panels around it re-render several times a second to
 * count the data's age while the series itself changes once per window.
 */
export const MetricLineChart = memo(function MetricLineChart({
  points,
  width,
  height,
  thresholds,
  formatValue,
}: {
  points: readonly ChartPoint[];
  width: number;
  height: number;
  thresholds: readonly ThresholdLine[];
  formatValue: (value: number) => string;
}) {
  return (
    <LineChart
      width={width}
      height={height}
      data={points as ChartPoint[]}
      margin={CHART_MARGIN}
      // The wrapper is role="img" with a description; a focusable chart inside it would be noise.
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#334155" strokeDasharray="2 4" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={['dataMin', 'dataMax']}
        tickFormatter={(t: number) => formatClock(t)}
        stroke={axisColour}
        fontSize={11}
        minTickGap={40}
      />
      <YAxis
        width={Y_AXIS_WIDTH}
        domain={[0, 'auto']}
        tickFormatter={(v: number) => formatValue(v)}
        stroke={axisColour}
        fontSize={11}
      />
      {thresholds.map((line) => (
        <ReferenceLine
          key={line.level}
          y={line.value}
          // Thresholds stay on the chart even while the data is far below them: how far from
          // trouble the system is matters as much as the line itself.
          ifOverflow="extendDomain"
          stroke={lineColour[line.level]}
          strokeDasharray="6 3"
          label={{
            value: line.label,
            position: 'insideTopRight',
            fill: lineColour[line.level],
            fontSize: 11,
          }}
        />
      ))}
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(t) => formatClock(Number(t))}
        formatter={(v) => (typeof v === 'number' ? formatValue(v) : '—')}
        contentStyle={{ background: '#0f172a', borderColor: '#475569' }}
      />
      <Line
        dataKey="v"
        type="linear"
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
        stroke="#38bdf8"
        strokeWidth={2}
        name="value"
      />
    </LineChart>
  );
});

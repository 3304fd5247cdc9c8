import type { LatencyUnit } from '../../../contract/schemas.ts';
import { unitLabel } from '../../lib/format.ts';

// Formats for the metric figures. Thresholds are written without trailing zeros ("over 50 µs",
// "over 0.5 %") because they are round numbers someone chose; measurements keep fixed digits so
// that a changing figure does not jump about.

const trimmed = (n: number) => String(Number(n.toFixed(3)));
/** Three significant digits, no padding: for chart axes, where "55.0 µs" and "0.00 µs" are noise. */
const short = (n: number) => String(Number(n.toPrecision(3)));

export function formatLatencyThreshold(value: number, unit: LatencyUnit): string {
  return `${trimmed(value)} ${unitLabel[unit]}`;
}

export function formatLatencyShort(value: number, unit: LatencyUnit): string {
  return `${short(value)} ${unitLabel[unit]}`;
}

/** A fraction as a percentage: 0.0042 → "0.42 %", 0.123 → "12.3 %". */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return `${pct.toFixed(pct >= 10 ? 1 : 2)} %`;
}

export function formatPercentThreshold(fraction: number): string {
  return `${trimmed(fraction * 100)} %`;
}

export function formatPercentShort(fraction: number): string {
  return `${short(fraction * 100)} %`;
}

/** Orders per second: whole orders once there are enough of them to count. */
export function formatRate(perSecond: number): string {
  if (perSecond > 0 && perSecond < 10) return perSecond.toFixed(1);
  return Math.round(perSecond).toLocaleString('en-US');
}

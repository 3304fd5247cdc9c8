// The Prometheus text exposition format (version 0.0.4), written from metric families: what a
// system scraped by Prometheus serves at /metrics and what `curl … | grep` reads.

export const EXPOSITION_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface Sample {
  labels?: Record<string, string>;
  value: number;
  /** A suffix of the family name for summaries and histograms (`_bucket`, `_sum`, `_count`). */
  suffix?: string;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'gauge' | 'counter' | 'summary' | 'histogram' | 'untyped';
  samples: readonly Sample[];
}

const escapeLabel = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function sampleLine(name: string, sample: Sample): string {
  const labels = Object.entries(sample.labels ?? {});
  const set = labels.length === 0 ? '' : `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
  return `${name}${sample.suffix ?? ''}${set} ${formatValue(sample.value)}`;
}

export function exposition(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) lines.push(sampleLine(family.name, sample));
  }
  return `${lines.join('\n')}\n`;
}

/** A histogram's counts: upper bounds ascending, and how many observations fell at or below each. */
export interface HistogramCounts {
  bounds: readonly number[];
  /** Cumulative, one per bound and one more for +Inf (which is the count). */
  cumulative: readonly number[];
  sum: number;
}

/**
 * A histogram's samples: `_bucket{le=…}` cumulative up to `le="+Inf"`, then `_sum` and `_count`
 * (equal to the +Inf bucket), each with `labels` beside `le`.
 */
export function histogramSamples(counts: HistogramCounts, labels: Record<string, string> = {}): Sample[] {
  const total = counts.cumulative.at(-1) ?? 0;
  return [
    ...counts.bounds.map((bound, i) => ({
      suffix: '_bucket',
      labels: { ...labels, le: formatValue(bound) },
      value: counts.cumulative[i] ?? 0,
    })),
    { suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: total },
    { suffix: '_sum', labels, value: counts.sum },
    { suffix: '_count', labels, value: total },
  ];
}
